package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class SignInTimingH2Tests extends SignInTimingTests {
}
