package io.seatwise.imports;

import io.seatwise.support.PostgresTest;

@PostgresTest
class UserImportApiPostgresTests extends UserImportApiTests {
}
