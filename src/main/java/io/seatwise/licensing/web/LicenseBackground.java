package io.seatwise.licensing.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the console runs a license change or undo as a job with a progress page instead of in the request: above
 * {@code seatwise.licensing.background-above} users (100,000 by default: about a second and a half, B1; a million
 * users take about twelve, M1).
 */
@Component
class LicenseBackground {

    private volatile long above;

    LicenseBackground(@Value("${seatwise.licensing.background-above:100000}") long above) {
        this.above = above;
    }

    boolean inBackground(long users) {
        return users > above;
    }

    /** For tests: a lower limit, so a change of a few users goes through the job path. */
    long setAbove(long above) {
        long before = this.above;
        this.above = above;
        return before;
    }
}
