package io.seatwise.imports;

import io.seatwise.support.H2Test;

@H2Test
class UserImportApiH2Tests extends UserImportApiTests {
}
