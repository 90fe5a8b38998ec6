package io.seatwise.provisioning;

import io.seatwise.support.H2Test;

@H2Test
class ScimUsersH2Tests extends ScimUsersTests {
}
