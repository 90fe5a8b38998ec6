package io.seatwise.customers;

import io.seatwise.support.H2Test;

@H2Test
class CustomersApiH2Tests extends CustomersApiTests {
}
