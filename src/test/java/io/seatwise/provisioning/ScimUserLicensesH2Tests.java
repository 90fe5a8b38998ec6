package io.seatwise.provisioning;

import io.seatwise.support.H2Test;

@H2Test
class ScimUserLicensesH2Tests extends ScimUserLicensesTests {
}
