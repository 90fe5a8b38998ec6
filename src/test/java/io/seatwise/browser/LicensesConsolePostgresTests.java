package io.seatwise.browser;

import io.seatwise.support.PostgresTest;

@PostgresTest
class LicensesConsolePostgresTests extends LicensesConsoleTests {
}
