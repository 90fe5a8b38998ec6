package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class CustomerSecondFactorH2Tests extends CustomerSecondFactorTests {
}
