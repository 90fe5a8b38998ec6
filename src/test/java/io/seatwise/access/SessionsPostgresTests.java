package io.seatwise.access;

import io.seatwise.support.PostgresTest;

@PostgresTest
class SessionsPostgresTests extends SessionsTests {
}
