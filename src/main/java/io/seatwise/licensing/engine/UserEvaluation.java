package io.seatwise.licensing.engine;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.rules.Actor;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.licensing.UserOutcome;

/** The licensing rules as the engine runs them: one user's outcome of a change, from what is known of the user. */
@FunctionalInterface
public interface UserEvaluation {

    UserOutcome evaluate(UserLicenseState user, LicenseChangeSpec spec, CatalogRules rules, Actor actor);
}
