package io.seatwise.jobs;

import io.seatwise.support.PostgresTest;

@PostgresTest
class JobsPostgresTests extends JobsTests {
}
