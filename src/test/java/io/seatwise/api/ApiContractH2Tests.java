package io.seatwise.api;

import io.seatwise.support.H2Test;

@H2Test
class ApiContractH2Tests extends ApiContractTests {
}
