package io.seatwise.licensing.web;

import io.seatwise.support.PostgresTest;

@PostgresTest
class LicensesConsolePostgresTests extends LicensesConsoleTests {
}
