package io.seatwise.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Like;

/**
 * The SQL of a {@link UserFilter}, shared by the users list and by licensing's "every user that matches": one
 * definition of what "licensed" or "has product X" means.
 */
public final class UserFilterSql {

    private UserFilterSql() {
    }

    /** The WHERE clause (alias u = app_user) for a filter: the customer's users, deleted ones only for DELETED. */
    public static String where(CustomerId customer, UserFilter filter, Map<String, Object> params) {
        params.put("customer", customer.value());
        List<String> where = new ArrayList<>(List.of("u.customer_id = :customer",
                filter.type() == UserFilter.Type.DELETED ? "u.deleted_at IS NOT NULL" : "u.deleted_at IS NULL"));
        String has = "EXISTS (SELECT 1 FROM license_assignment la WHERE la.customer_id = u.customer_id "
                + "AND la.user_id = u.id AND la.state = 'ACTIVE'";
        switch (filter.type()) {
            case LICENSED -> where.add(has + ")");
            case UNLICENSED -> where.add("NOT " + has + ")");
            case HAS_PRODUCT -> {
                where.add(has + " AND la.sku_id = :filterSku)");
                params.put("filterSku", filter.skuId().value());
            }
            case LACKS_PRODUCT -> {
                where.add("NOT " + has + " AND la.sku_id = :filterSku)");
                params.put("filterSku", filter.skuId().value());
            }
            case ADMINS -> where.add("u.directory_role <> 'NONE'");
            case BLOCKED -> where.add("u.sign_in_blocked");
            case ALL, DELETED -> {
            }
        }
        if (filter.search() != null) {
            where.add("(lower(u.display_name) LIKE :search ESCAPE '\\' OR u.user_name_key LIKE :search ESCAPE '\\' "
                    + "OR lower(u.first_name) LIKE :search ESCAPE '\\' OR lower(u.last_name) LIKE :search ESCAPE '\\')");
            params.put("search", Like.containing(filter.search()));
        }
        return String.join(" AND ", where);
    }
}
