package io.seatwise.access;

import io.seatwise.support.PostgresTest;

@PostgresTest
class SessionEndingPostgresTests extends SessionEndingTests {
}
