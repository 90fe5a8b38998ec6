package io.seatwise.provisioning;

import io.seatwise.support.H2Test;

@H2Test
class ScimUserPatchH2Tests extends ScimUserPatchTests {
}
