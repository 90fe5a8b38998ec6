package io.seatwise.api;

import io.seatwise.support.H2Test;

@H2Test
class SafeDownloadsH2Tests extends SafeDownloadsTests {
}
