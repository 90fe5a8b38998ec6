package io.seatwise.api;

import io.seatwise.support.PostgresTest;

@PostgresTest
class SafeDownloadsPostgresTests extends SafeDownloadsTests {
}
