package io.seatwise.provisioning;

import io.seatwise.support.H2Test;

@H2Test
class ScimLicensesWebH2Tests extends ScimLicensesWebTests {
}
