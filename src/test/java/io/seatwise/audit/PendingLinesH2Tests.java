package io.seatwise.audit;

import io.seatwise.support.H2Test;

@H2Test
class PendingLinesH2Tests extends PendingLinesTests {
}
