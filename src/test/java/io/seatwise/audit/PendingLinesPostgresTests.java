package io.seatwise.audit;

import io.seatwise.support.PostgresTest;

@PostgresTest
class PendingLinesPostgresTests extends PendingLinesTests {
}
