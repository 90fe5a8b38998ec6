package io.seatwise.provisioning;

import java.util.List;

/**
 * What a client's User resource (POST, PUT, or PATCH's result) asks for, read by {@link ScimUserReader}: each
 * field null when the resource leaves it out; {@code wanted} null when it carries none of {@code roles},
 * {@code entitlements} and the extension's {@code licenses} (licenses are then left as they are), empty when it
 * carries them empty (every license taken away); {@code profile} the attributes kept for provisioning only (never
 * null: {@link ScimUserProfile#NONE} when none is sent).
 */
record ScimUserInput(String userName, String givenName, String familyName, String displayName, Boolean active,
        String externalId, String preferredLanguage, String country, String usageLocation,
        List<ScimLicenses.Wanted> wanted, ScimUserProfile profile) {

    /** The same with other licenses asked for (null: none, left as they are). */
    ScimUserInput withWanted(List<ScimLicenses.Wanted> licenses) {
        return new ScimUserInput(userName, givenName, familyName, displayName, active, externalId, preferredLanguage,
                country, usageLocation, licenses, profile);
    }

    /** The same with another user name (a bare one completed with the customer's default domain). */
    ScimUserInput withUserName(String name) {
        return new ScimUserInput(name, givenName, familyName, displayName, active, externalId, preferredLanguage,
                country, usageLocation, wanted, profile);
    }

    /** The same keeping the stored emails (a PATCH that does not change {@code emails}). */
    ScimUserInput withEmailsKept() {
        return new ScimUserInput(userName, givenName, familyName, displayName, active, externalId, preferredLanguage,
                country, usageLocation, wanted, profile.withEmails(null));
    }

    /** The display name to keep: the one sent, else the names sent, else the user name. */
    String displayNameOrDefault() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
                .strip();
        return joined.isEmpty() ? userName : joined;
    }
}
