package io.seatwise.scim;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimUserProfilePostgresTests extends ScimUserProfileTests {
}
