package io.seatwise.users;

import io.seatwise.support.PostgresTest;

@PostgresTest
class UserCreationPostgresTests extends UserCreationTests {
}
