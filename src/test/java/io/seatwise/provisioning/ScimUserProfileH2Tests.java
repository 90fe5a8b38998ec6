package io.seatwise.provisioning;

import io.seatwise.support.H2Test;

@H2Test
class ScimUserProfileH2Tests extends ScimUserProfileTests {
}
