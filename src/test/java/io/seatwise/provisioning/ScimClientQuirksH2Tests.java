package io.seatwise.provisioning;

import io.seatwise.support.H2Test;

@H2Test
class ScimClientQuirksH2Tests extends ScimClientQuirksTests {
}
