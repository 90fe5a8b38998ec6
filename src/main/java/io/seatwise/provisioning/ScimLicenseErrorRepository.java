package io.seatwise.provisioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code scim_license_error}: each user's licenses the last provisioning could not give. */
@Repository
class ScimLicenseErrorRepository {

    /** A failure to store, with the product it is about as the Provisioning tab names it. */
    record Row(LicenseFailure failure, String product) {
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ScimLicenseErrorRepository(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Replaces the user's stored failures with these (none: forgets them). */
    void replace(CustomerId customer, UserId user, List<Row> rows, Instant at) {
        jdbc.sql("DELETE FROM scim_license_error WHERE customer_id = :c AND user_id = :u")
                .param("c", customer.value()).param("u", user.value()).update();
        add(customer, user, rows, at);
    }

    /** Stores the failures of a user who has none stored (one created in this transaction). */
    void add(CustomerId customer, UserId user, List<Row> rows, Instant at) {
        for (int i = 0; i < rows.size(); i++) {
            LicenseFailure f = rows.get(i).failure();
            jdbc.sql("""
                    INSERT INTO scim_license_error (customer_id, user_id, seq, code, sku_id, product, message,
                        service_plans, products, created_at)
                    VALUES (:c, :u, :seq, :code, :sku, :product, :message, :plans, :products, :at)
                    """)
                    .param("c", customer.value()).param("u", user.value()).param("seq", i)
                    .param("code", f.code()).param("sku", f.skuId() == null ? null : f.skuId().value())
                    .param("product", cut(rows.get(i).product(), 256)).param("message", cut(f.message(), 2000))
                    .param("plans", join(f.servicePlans(), ServicePlanId::value))
                    .param("products", join(f.products(), SkuId::value))
                    .param("at", Timestamp.from(at)).update();
        }
    }

    /** The stored failures of many users in one statement, each user's in order; users without any left out. */
    Map<UserId, List<LicenseFailure>> of(CustomerId customer, Collection<UserId> users) {
        Map<UserId, List<LicenseFailure>> result = new HashMap<>();
        if (users.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT e.user_id, e.code, e.sku_id, e.message, e.service_plans, e.products FROM "
                        + SqlDialect.SELECTED + " JOIN scim_license_error e"
                        + " ON e.customer_id = :c AND e.user_id = sel.id ORDER BY e.user_id, e.seq")
                .param("c", customer.value())
                .param("ids", dialect.uuidArray(users.stream().map(UserId::value).distinct().toList()))
                .query(rs -> {
                    UUID sku = rs.getObject(3, UUID.class);
                    result.computeIfAbsent(new UserId(rs.getObject(1, UUID.class)), u -> new ArrayList<>())
                            .add(new LicenseFailure(rs.getString(2), sku == null ? null : new SkuId(sku),
                                    rs.getString(4), split(rs.getString(5), ServicePlanId::new),
                                    split(rs.getString(6), SkuId::new)));
                });
        return result;
    }

    /** The customer's newest failures, newest first, with the users' names. */
    List<ScimLicenseError> recent(CustomerId customer, int limit) {
        return jdbc.sql("""
                SELECT e.user_id, u.user_principal_name, e.product, e.code, e.message, e.created_at
                FROM scim_license_error e JOIN app_user u ON u.customer_id = e.customer_id AND u.id = e.user_id
                WHERE e.customer_id = :c ORDER BY e.created_at DESC, u.user_principal_name, e.seq
                FETCH FIRST :n ROWS ONLY
                """)
                .param("c", customer.value()).param("n", limit)
                .query((rs, n) -> new ScimLicenseError(new UserId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** How many failures the customer has stored. */
    long count(CustomerId customer) {
        return jdbc.sql("SELECT count(*) FROM scim_license_error WHERE customer_id = :c")
                .param("c", customer.value()).query(Long.class).single();
    }

    private static <T> String join(List<T> ids, Function<T, UUID> value) {
        return ids.stream().map(id -> value.apply(id).toString()).collect(Collectors.joining(","));
    }

    private static <T> List<T> split(String text, Function<UUID, T> id) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(s -> id.apply(UUID.fromString(s))).toList();
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
