package io.seatwise.scim;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimUserLicensesPostgresTests extends ScimUserLicensesTests {
}
