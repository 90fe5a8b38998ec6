package io.seatwise.imports;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ImportLimitsPostgresTests extends ImportLimitsTests {
}
