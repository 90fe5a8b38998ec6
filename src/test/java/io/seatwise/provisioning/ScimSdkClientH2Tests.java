package io.seatwise.provisioning;

import io.seatwise.support.H2ServerTest;

@H2ServerTest
class ScimSdkClientH2Tests extends ScimSdkClientTests {
}
