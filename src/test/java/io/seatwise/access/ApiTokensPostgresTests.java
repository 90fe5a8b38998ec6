package io.seatwise.access;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ApiTokensPostgresTests extends ApiTokensTests {
}
