package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class CustomerUserSignInH2Tests extends CustomerUserSignInTests {
}
