package io.seatwise.passwordsheets;

import io.seatwise.support.PostgresTest;

@PostgresTest
class PasswordSheetsApiPostgresTests extends PasswordSheetsApiTests {
}
