package io.seatwise.users;

import io.seatwise.support.H2Test;

@H2Test
class UsersListLicensesConsoleH2Tests extends UsersListLicensesConsoleTests {
}
