package io.seatwise.licensing;

import java.util.List;

/** One licensing rule: the violations a user's proposed change breaks, empty when allowed. */
interface LicensePolicy {

    List<Violation> check(ProposedChange change);
}
