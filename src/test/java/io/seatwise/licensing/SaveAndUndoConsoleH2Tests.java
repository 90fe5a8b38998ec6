package io.seatwise.licensing;

import io.seatwise.support.H2Test;

@H2Test
class SaveAndUndoConsoleH2Tests extends SaveAndUndoConsoleTests {
}
