package io.seatwise.scim;

import io.seatwise.support.H2Test;

@H2Test
class ScimUserWritesH2Tests extends ScimUserWritesTests {
}
