package io.seatwise.users;

import io.seatwise.support.H2Test;

@H2Test
class UsersListLicensesH2Tests extends UsersListLicensesTests {
}
