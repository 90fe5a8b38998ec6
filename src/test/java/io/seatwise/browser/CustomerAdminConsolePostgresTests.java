package io.seatwise.browser;

import io.seatwise.support.PostgresTest;

@PostgresTest
class CustomerAdminConsolePostgresTests extends CustomerAdminConsoleTests {
}
