package io.seatwise.scim;

import io.seatwise.support.H2Test;

@H2Test
class ScimUserProfileH2Tests extends ScimUserProfileTests {
}
