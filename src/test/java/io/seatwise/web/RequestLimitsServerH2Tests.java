package io.seatwise.web;

import io.seatwise.support.H2ServerTest;

@H2ServerTest
class RequestLimitsServerH2Tests extends RequestLimitsServerTests {
}
