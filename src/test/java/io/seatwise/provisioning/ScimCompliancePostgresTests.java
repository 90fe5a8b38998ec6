package io.seatwise.provisioning;

import io.seatwise.support.PostgresServerTest;

@PostgresServerTest
class ScimCompliancePostgresTests extends ScimComplianceTests {

    @Override
    String database() {
        return "postgres";
    }
}
