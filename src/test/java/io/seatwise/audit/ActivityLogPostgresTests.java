package io.seatwise.audit;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ActivityLogPostgresTests extends ActivityLogTests {
}
