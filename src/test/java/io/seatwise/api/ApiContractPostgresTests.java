package io.seatwise.api;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ApiContractPostgresTests extends ApiContractTests {
}
