package io.seatwise.users;

import io.seatwise.support.PostgresTest;

@PostgresTest
class UsersListLicensesPostgresTests extends UsersListLicensesTests {
}
