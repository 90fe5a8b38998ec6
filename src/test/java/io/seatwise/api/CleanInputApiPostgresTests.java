package io.seatwise.api;

import io.seatwise.support.PostgresTest;

@PostgresTest
class CleanInputApiPostgresTests extends CleanInputApiTests {
}
