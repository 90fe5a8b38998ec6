package io.seatwise.licensing.web;

import io.seatwise.support.H2Test;

@H2Test
class LicenseFailureWordsConsoleH2Tests extends LicenseFailureWordsConsoleTests {
}
