package io.seatwise.audit;

import io.seatwise.support.PostgresTest;

@PostgresTest
class ActivityInWordsPostgresTests extends ActivityInWordsTests {
}
