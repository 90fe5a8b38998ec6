package io.seatwise.licensing.web;

import io.seatwise.support.H2Test;

@H2Test
class SaveAndUndoConsoleH2Tests extends SaveAndUndoConsoleTests {
}
