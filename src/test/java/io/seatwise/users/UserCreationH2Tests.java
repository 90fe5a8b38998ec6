package io.seatwise.users;

import io.seatwise.support.H2Test;

@H2Test
class UserCreationH2Tests extends UserCreationTests {
}
