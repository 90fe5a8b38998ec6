package io.seatwise.provisioning;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ScimLicensesWebPostgresTests extends ScimLicensesWebTests {
}
