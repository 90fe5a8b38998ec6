package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class CustomerAdminMatrixH2Tests extends CustomerAdminMatrixTests {
}
