package io.seatwise.api;

import io.seatwise.support.H2Test;

@H2Test
class CleanInputApiH2Tests extends CleanInputApiTests {
}
