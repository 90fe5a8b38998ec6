package io.seatwise.provisioning;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimClientQuirksPostgresTests extends ScimClientQuirksTests {
}
