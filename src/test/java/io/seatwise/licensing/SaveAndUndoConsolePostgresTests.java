package io.seatwise.licensing;

import io.seatwise.support.PostgresTest;

@PostgresTest
class SaveAndUndoConsolePostgresTests extends SaveAndUndoConsoleTests {
}
