package io.seatwise.provisioning;

import io.seatwise.support.H2ServerTest;

@H2ServerTest
class ScimComplianceH2Tests extends ScimComplianceTests {

    @Override
    String database() {
        return "h2";
    }
}
