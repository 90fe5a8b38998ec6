package io.seatwise.provisioning;

import io.seatwise.support.PostgresServerTest;

@PostgresServerTest
class ScimSdkClientPostgresTests extends ScimSdkClientTests {
}
