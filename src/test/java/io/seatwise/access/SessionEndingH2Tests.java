package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class SessionEndingH2Tests extends SessionEndingTests {
}
