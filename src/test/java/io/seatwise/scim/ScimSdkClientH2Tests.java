package io.seatwise.scim;

import io.seatwise.support.H2ServerTest;

@H2ServerTest
class ScimSdkClientH2Tests extends ScimSdkClientTests {
}
