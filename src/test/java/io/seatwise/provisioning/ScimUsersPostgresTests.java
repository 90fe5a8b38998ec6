package io.seatwise.provisioning;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimUsersPostgresTests extends ScimUsersTests {
}
