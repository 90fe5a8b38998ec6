package io.seatwise.licensing.web;

import io.seatwise.support.PostgresTest;

@PostgresTest
class SaveAndUndoConsolePostgresTests extends SaveAndUndoConsoleTests {
}
