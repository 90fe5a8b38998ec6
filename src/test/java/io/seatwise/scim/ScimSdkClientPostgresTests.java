package io.seatwise.scim;

import io.seatwise.support.PostgresServerTest;

@PostgresServerTest
class ScimSdkClientPostgresTests extends ScimSdkClientTests {
}
