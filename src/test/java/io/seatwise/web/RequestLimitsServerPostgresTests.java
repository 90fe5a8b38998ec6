package io.seatwise.web;

import io.seatwise.support.PostgresServerTest;

@PostgresServerTest
class RequestLimitsServerPostgresTests extends RequestLimitsServerTests {
}
