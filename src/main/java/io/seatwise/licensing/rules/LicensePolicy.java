package io.seatwise.licensing.rules;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;

/** One licensing rule: the failures a user's proposed change brings about, empty when allowed. */
interface LicensePolicy {

    List<LicenseFailure> check(ProposedChange change);
}
