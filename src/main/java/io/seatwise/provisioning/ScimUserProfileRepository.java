package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code scim_user_profile} and {@code scim_user_email} (V26): the attributes of {@link ScimUserProfile}. */
@Repository
class ScimUserProfileRepository {

    private static final String COLUMNS = "user_type, title, nick_name, middle_name, honorific_prefix,"
            + " honorific_suffix, employee_number, cost_center, organization, division, department, manager_id";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ScimUserProfileRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * The kept attributes of many users in one statement (each user's profile row joined with its emails, in
     * order); users with nothing kept are left out.
     */
    Map<UserId, ScimUserProfile> of(CustomerId customer, Collection<UserId> users) {
        Map<UserId, ScimUserProfile> result = new HashMap<>();
        if (users.isEmpty()) {
            return result;
        }
        Map<UserId, List<ScimUserProfile.Email>> emails = new HashMap<>();
        jdbc.sql("SELECT sel.id, p.user_id, p.user_type, p.title, p.nick_name, p.middle_name, p.honorific_prefix,"
                        + " p.honorific_suffix, p.employee_number, p.cost_center, p.organization, p.division,"
                        + " p.department, p.manager_id, e.address, e.email_type, e.is_primary"
                        + " FROM " + SqlDialect.SELECTED
                        + " LEFT JOIN scim_user_profile p ON p.customer_id = :c AND p.user_id = sel.id"
                        + " LEFT JOIN scim_user_email e ON e.customer_id = :c AND e.user_id = sel.id"
                        + " WHERE p.user_id IS NOT NULL OR e.user_id IS NOT NULL ORDER BY sel.id, e.seq")
                .param("c", customer.value())
                .param("ids", dialect.uuidArray(users.stream().map(UserId::value).distinct().toList()))
                .query(rs -> {
                    UserId user = new UserId(rs.getObject(1, UUID.class));
                    if (!result.containsKey(user)) {
                        result.put(user, rs.getObject(2) == null ? ScimUserProfile.NONE
                                : new ScimUserProfile(rs.getString(3), rs.getString(4), rs.getString(5),
                                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                                        rs.getString(14), List.of()));
                    }
                    if (rs.getString(15) != null) {
                        emails.computeIfAbsent(user, u -> new ArrayList<>()).add(new ScimUserProfile.Email(
                                rs.getString(15), rs.getString(16), rs.getBoolean(17)));
                    }
                });
        emails.forEach((user, list) -> result.put(user, result.get(user).withEmails(list)));
        return result;
    }

    /**
     * Makes the user's kept attributes {@code profile} where they differ from {@code before} (what is stored; both
     * with emails): rows deleted only where there are some, emails written only when they changed.
     */
    void replace(CustomerId customer, UserId user, ScimUserProfile before, ScimUserProfile profile) {
        if (before.hasSingleValued()) {
            jdbc.sql("DELETE FROM scim_user_profile WHERE customer_id = :c AND user_id = :u")
                    .param("c", customer.value()).param("u", user.value()).update();
        }
        if (profile.hasSingleValued()) {
            jdbc.sql("INSERT INTO scim_user_profile (customer_id, user_id, " + COLUMNS + ") VALUES (:c, :u,"
                            + " :userType, :title, :nickName, :middleName, :honorificPrefix, :honorificSuffix,"
                            + " :employeeNumber, :costCenter, :organization, :division, :department, :manager)")
                    .param("c", customer.value()).param("u", user.value()).params(profile.singleValued())
                    .update();
        }
        if (profile.emails().equals(before.emails())) {
            return;
        }
        if (!before.emails().isEmpty()) {
            jdbc.sql("DELETE FROM scim_user_email WHERE customer_id = :c AND user_id = :u")
                    .param("c", customer.value()).param("u", user.value()).update();
        }
        List<ScimUserProfile.Email> emails = profile.emails();
        if (emails.isEmpty()) {
            return;
        }
        // The user's emails in one statement (at most ScimUserReader.MAX_EMAILS rows).
        StringBuilder sql = new StringBuilder("INSERT INTO scim_user_email (customer_id, user_id, seq, address,"
                + " address_key, email_type, is_primary) VALUES ");
        Map<String, Object> params = new HashMap<>();
        params.put("c", customer.value());
        params.put("u", user.value());
        for (int i = 0; i < emails.size(); i++) {
            ScimUserProfile.Email e = emails.get(i);
            sql.append(i == 0 ? "" : ", ").append("(:c, :u, ").append(i).append(", :v").append(i).append(", :k")
                    .append(i).append(", :t").append(i).append(", :p").append(i).append(")");
            params.put("v" + i, e.value());
            params.put("k" + i, e.value().toLowerCase(Locale.ROOT));
            params.put("t" + i, e.type());
            params.put("p" + i, e.primary());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }
}
