package io.seatwise.access;

import io.seatwise.support.H2Test;

@H2Test
class PermissionMatrixH2Tests extends PermissionMatrixTests {
}
