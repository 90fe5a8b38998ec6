package io.seatwise.provisioning;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimUserWritesPostgresTests extends ScimUserWritesTests {
}
