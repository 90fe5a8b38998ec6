package io.seatwise.passwordsheets;

import io.seatwise.support.H2Test;

@H2Test
class PasswordSheetsApiH2Tests extends PasswordSheetsApiTests {
}
