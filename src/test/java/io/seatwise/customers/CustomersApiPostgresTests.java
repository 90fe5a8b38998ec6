package io.seatwise.customers;

import io.seatwise.support.PostgresTest;

@PostgresTest
class CustomersApiPostgresTests extends CustomersApiTests {
}
