package io.seatwise.provisioning;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimLicensesPostgresTests extends ScimLicensesTests {
}
