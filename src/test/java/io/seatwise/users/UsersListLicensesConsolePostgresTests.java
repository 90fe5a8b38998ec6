package io.seatwise.users;

import io.seatwise.support.PostgresTest;

@PostgresTest
class UsersListLicensesConsolePostgresTests extends UsersListLicensesConsoleTests {
}
