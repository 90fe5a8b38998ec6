/**
 * The licensing rules: each policy ({@link io.seatwise.licensing.rules.LicensePolicy}) says what one user's proposed
 * change breaks, and {@link io.seatwise.licensing.rules.UserChangeEvaluator} runs them all. Plain Java with no
 * Spring type and no static context: the user's licenses, the change, the catalog's rules and the actor asking for
 * it ({@link io.seatwise.licensing.rules.Actor}) all come in as data, so every rule is tested without Spring or a
 * database. The engine calls it; preview and apply share it.
 */
package io.seatwise.licensing.rules;
