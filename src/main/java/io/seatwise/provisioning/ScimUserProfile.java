package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The SCIM User attributes Seatwise keeps for provisioning only (issue 14, point 3; table {@code scim_user_profile}
 * and {@code scim_user_email}, V26): they change nothing else in Seatwise, and are shown and filtered on as sent.
 * Core User: {@code userType}, {@code title}, {@code nickName}, {@code name.middleName},
 * {@code name.honorificPrefix}, {@code name.honorificSuffix}, {@code emails}; the enterprise extension
 * ({@value #ENTERPRISE}): {@code employeeNumber}, {@code costCenter}, {@code organization}, {@code division},
 * {@code department}, {@code manager.value}. Each null when not kept.
 *
 * @param emails the emails sent, in their order (empty: none, so the resource shows the user name as the one work
 *        email); null only in a PATCH's input that leaves {@code emails} as they were (the stored ones are kept)
 */
record ScimUserProfile(String userType, String title, String nickName, String middleName, String honorificPrefix,
        String honorificSuffix, String employeeNumber, String costCenter, String organization, String division,
        String department, String managerId, List<Email> emails) {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** Nothing kept. */
    static final ScimUserProfile NONE = new ScimUserProfile(null, null, null, null, null, null, null, null, null,
            null, null, null, List.of());

    /** One email as sent: the address, its type (work, home, other, or null) and whether it is the primary one. */
    record Email(String value, String type, boolean primary) {

        @Override
        public String toString() {
            return value + (type == null ? "" : " (" + type + ")") + (primary ? " *" : "");
        }
    }

    /** One attribute that changed, named as the activity log names it ({@code activity.field.*}). */
    record Change(String field, String before, String after) {
    }

    ScimUserProfile {
        emails = emails == null ? null : List.copyOf(emails);
    }

    /** The same with other emails (null: the stored ones are kept). */
    ScimUserProfile withEmails(List<Email> others) {
        return new ScimUserProfile(userType, title, nickName, middleName, honorificPrefix, honorificSuffix,
                employeeNumber, costCenter, organization, division, department, managerId, others);
    }

    /** Whether any of the enterprise extension's attributes is kept. */
    boolean hasEnterprise() {
        return employeeNumber != null || costCenter != null || organization != null || division != null
                || department != null || managerId != null;
    }

    /** Whether a {@code scim_user_profile} row is needed: any single-valued attribute kept. */
    boolean hasSingleValued() {
        return singleValued().values().stream().anyMatch(Objects::nonNull);
    }

    /** The single-valued attributes by the activity log's field name, in the resource's order. */
    Map<String, String> singleValued() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("userType", userType);
        values.put("title", title);
        values.put("nickName", nickName);
        values.put("middleName", middleName);
        values.put("honorificPrefix", honorificPrefix);
        values.put("honorificSuffix", honorificSuffix);
        values.put("employeeNumber", employeeNumber);
        values.put("costCenter", costCenter);
        values.put("organization", organization);
        values.put("division", division);
        values.put("department", department);
        values.put("manager", managerId);
        return values;
    }

    /** What changed from {@code before} to this (emails compared in order; null emails: unchanged). */
    List<Change> changesFrom(ScimUserProfile before) {
        List<Change> changes = new ArrayList<>();
        Map<String, String> old = before.singleValued();
        singleValued().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changes.add(new Change(field, old.get(field), value));
            }
        });
        if (emails != null && !emails.equals(before.emails())) {
            changes.add(new Change("emails", text(before.emails()), text(emails)));
        }
        return changes;
    }

    private static String text(List<Email> emails) {
        return emails == null || emails.isEmpty() ? null
                : emails.stream().map(Email::toString).collect(Collectors.joining(", "));
    }
}
