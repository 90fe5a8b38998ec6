package io.seatwise.jobs;

import io.seatwise.support.H2Test;

@H2Test
class JobsH2Tests extends JobsTests {
}
