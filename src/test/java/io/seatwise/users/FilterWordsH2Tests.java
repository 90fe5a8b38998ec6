package io.seatwise.users;

import io.seatwise.support.H2Test;

@H2Test
class FilterWordsH2Tests extends FilterWordsTests {
}
