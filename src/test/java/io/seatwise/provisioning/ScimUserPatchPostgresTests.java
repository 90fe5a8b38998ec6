package io.seatwise.provisioning;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimUserPatchPostgresTests extends ScimUserPatchTests {
}
