package io.seatwise.access;

import io.seatwise.support.PostgresTest;

@PostgresTest
class CustomerSecondFactorPostgresTests extends CustomerSecondFactorTests {
}
