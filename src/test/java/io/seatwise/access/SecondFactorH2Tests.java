package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class SecondFactorH2Tests extends SecondFactorTests {
}
