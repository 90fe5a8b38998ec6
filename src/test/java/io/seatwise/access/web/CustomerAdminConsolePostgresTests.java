package io.seatwise.access.web;

import io.seatwise.support.PostgresTest;

@PostgresTest
class CustomerAdminConsolePostgresTests extends CustomerAdminConsoleTests {
}
