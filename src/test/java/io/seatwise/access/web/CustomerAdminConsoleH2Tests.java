package io.seatwise.access.web;

import io.seatwise.support.H2Test;

@H2Test
class CustomerAdminConsoleH2Tests extends CustomerAdminConsoleTests {
}
