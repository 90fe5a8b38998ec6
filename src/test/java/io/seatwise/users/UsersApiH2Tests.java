package io.seatwise.users;

import io.seatwise.support.H2Test;

@H2Test
class UsersApiH2Tests extends UsersApiTests {
}
