package io.seatwise.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.seatwise.shared.Like;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the catalog tables. */
@Repository
class CatalogRepository {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CatalogRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<Product> findProduct(SkuId skuId) {
        return jdbc.sql("SELECT sku_id, sku_part_number, product_name FROM product WHERE sku_id = :id")
                .param("id", skuId.value())
                .query(CatalogRepository::product)
                .optional();
    }

    List<ServicePlan> servicePlans(SkuId skuId) {
        return servicePlans(Set.of(skuId)).getOrDefault(skuId, List.of());
    }

    Map<SkuId, List<ServicePlan>> servicePlans(Set<SkuId> skuIds) {
        Map<SkuId, List<ServicePlan>> result = new LinkedHashMap<>();
        if (skuIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT sku_id, service_plan_id, name, friendly_name FROM product_service_plan
                WHERE sku_id IN (:ids) ORDER BY sku_id, name
                """)
                .param("ids", skuIds.stream().map(SkuId::value).toList())
                .query(rs -> {
                    result.computeIfAbsent(new SkuId(rs.getObject("sku_id", UUID.class)), k -> new ArrayList<>())
                            .add(new ServicePlan(new ServicePlanId(rs.getObject("service_plan_id", UUID.class)),
                                    rs.getString("name"), rs.getString("friendly_name")));
                });
        return result;
    }

    PageResult<Product> search(String text, PageRequest page) {
        String pattern = text == null || text.isBlank() ? "%" : Like.containing(text);
        String where = " WHERE lower(sku_part_number) LIKE :p ESCAPE '\\' OR lower(product_name) LIKE :p ESCAPE '\\'";
        long total = jdbc.sql("SELECT count(*) FROM product" + where).param("p", pattern).query(Long.class).single();
        List<Product> items = jdbc.sql("SELECT sku_id, sku_part_number, product_name FROM product" + where
                        + " ORDER BY product_name, sku_id LIMIT :limit OFFSET :offset")
                .param("p", pattern).param("limit", page.size()).param("offset", page.offset())
                .query(CatalogRepository::product).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    long productCount() {
        return jdbc.sql("SELECT count(*) FROM product").query(Long.class).single();
    }

    Set<UUID> existingProductIds() {
        return Set.copyOf(jdbc.sql("SELECT sku_id FROM product").query(UUID.class).list());
    }

    Set<UUID> existingPlanIds() {
        return Set.copyOf(jdbc.sql("SELECT service_plan_id FROM service_plan").query(UUID.class).list());
    }

    /** Adds what is new; existing products and plans keep their rows, since subscriptions refer to them. */
    void insertCatalog(CatalogData data) {
        Set<UUID> products = existingProductIds();
        Set<UUID> plans = existingPlanIds();
        template.batchUpdate("INSERT INTO product (sku_id, sku_part_number, product_name) VALUES (?, ?, ?)",
                data.products().stream().filter(p -> !products.contains(p.skuId().value()))
                        .map(p -> new Object[] {p.skuId().value(), p.skuPartNumber(), p.productName()}).toList(),
                BATCH, (ps, row) -> setAll(ps, row));
        template.batchUpdate("INSERT INTO service_plan (service_plan_id, name, friendly_name) VALUES (?, ?, ?)",
                data.plans().values().stream().filter(p -> !plans.contains(p.servicePlanId().value()))
                        .map(p -> new Object[] {p.servicePlanId().value(), p.name(), p.friendlyName()}).toList(),
                BATCH, (ps, row) -> setAll(ps, row));
        Set<List<UUID>> links = Set.copyOf(jdbc.sql("SELECT sku_id, service_plan_id FROM product_service_plan")
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list());
        template.batchUpdate("""
                INSERT INTO product_service_plan (sku_id, service_plan_id, name, friendly_name) VALUES (?, ?, ?, ?)
                """,
                data.productPlans().stream()
                        .filter(l -> !links.contains(List.of(l.skuId().value(), l.plan().servicePlanId().value())))
                        .map(l -> new Object[] {l.skuId().value(), l.plan().servicePlanId().value(), l.plan().name(),
                                l.plan().friendlyName()}).toList(),
                BATCH, (ps, row) -> setAll(ps, row));
    }

    /** Rules are configuration: replaced as a whole on every start. */
    void replaceRules(CatalogData data) {
        template.update("DELETE FROM plan_exclusion");
        template.update("DELETE FROM plan_dependency");
        template.update("DELETE FROM product_country_rule");
        template.batchUpdate("INSERT INTO plan_exclusion (group_no, service_plan_id, service) VALUES (?, ?, ?)",
                data.exclusions().stream().map(e -> new Object[] {e.group(), e.planId().value(), e.service()}).toList(),
                BATCH, (ps, row) -> setAll(ps, row));
        template.batchUpdate("""
                INSERT INTO plan_dependency (service_plan_id, required_service_plan_id, source) VALUES (?, ?, ?)
                """,
                data.dependencies().stream()
                        .map(d -> new Object[] {d.planId().value(), d.requiredPlanId().value(), d.source()}).toList(),
                BATCH, (ps, row) -> setAll(ps, row));
        template.batchUpdate("INSERT INTO product_country_rule (sku_id, country, offered, source) VALUES (?, ?, ?, ?)",
                data.countryRules().stream()
                        .map(r -> new Object[] {r.skuId().value(), r.country(), r.offered(), r.source()}).toList(),
                BATCH, (ps, row) -> setAll(ps, row));
    }

    CatalogRules rules() {
        Map<SkuId, java.util.Set<ServicePlanId>> plans = new java.util.HashMap<>();
        jdbc.sql("SELECT sku_id, service_plan_id FROM product_service_plan").query(rs -> {
            plans.computeIfAbsent(new SkuId(rs.getObject(1, UUID.class)), k -> new java.util.HashSet<>())
                    .add(new ServicePlanId(rs.getObject(2, UUID.class)));
        });
        Map<ServicePlanId, java.util.Set<Integer>> groups = new java.util.HashMap<>();
        jdbc.sql("SELECT service_plan_id, group_no FROM plan_exclusion").query(rs -> {
            groups.computeIfAbsent(new ServicePlanId(rs.getObject(1, UUID.class)), k -> new java.util.HashSet<>())
                    .add(rs.getInt(2));
        });
        Map<ServicePlanId, java.util.Set<ServicePlanId>> required = new java.util.HashMap<>();
        jdbc.sql("SELECT service_plan_id, required_service_plan_id FROM plan_dependency").query(rs -> {
            required.computeIfAbsent(new ServicePlanId(rs.getObject(1, UUID.class)), k -> new java.util.HashSet<>())
                    .add(new ServicePlanId(rs.getObject(2, UUID.class)));
        });
        Map<SkuId, java.util.Set<String>> only = new java.util.HashMap<>();
        Map<SkuId, java.util.Set<String>> not = new java.util.HashMap<>();
        jdbc.sql("SELECT sku_id, country, offered FROM product_country_rule").query(rs -> {
            (rs.getBoolean(3) ? only : not).computeIfAbsent(new SkuId(rs.getObject(1, UUID.class)),
                    k -> new java.util.HashSet<>()).add(rs.getString(2));
        });
        Map<ServicePlanId, String> names = new java.util.HashMap<>();
        Map<ServicePlanId, String> friendlyNames = new java.util.HashMap<>();
        // A plan's friendly name as most of its products write it (a few write it in capitals), else its own
        jdbc.sql("""
                SELECT service_plan_id, friendly_name, COUNT(*) AS n FROM product_service_plan
                WHERE friendly_name IS NOT NULL GROUP BY service_plan_id, friendly_name
                ORDER BY service_plan_id, n DESC, friendly_name
                """).query(rs -> {
            friendlyNames.putIfAbsent(new ServicePlanId(rs.getObject(1, UUID.class)), rs.getString(2));
        });
        jdbc.sql("SELECT service_plan_id, name, friendly_name FROM service_plan").query(rs -> {
            ServicePlanId plan = new ServicePlanId(rs.getObject(1, UUID.class));
            names.put(plan, rs.getString(2));
            if (rs.getString(3) != null) {
                friendlyNames.putIfAbsent(plan, rs.getString(3));
            }
        });
        Map<SkuId, String> parts = new java.util.HashMap<>();
        Map<SkuId, String> productNames = new java.util.HashMap<>();
        jdbc.sql("SELECT sku_id, sku_part_number, product_name FROM product").query(rs -> {
            SkuId sku = new SkuId(rs.getObject(1, UUID.class));
            parts.put(sku, rs.getString(2));
            productNames.put(sku, rs.getString(3));
        });
        return new CatalogRules(plans, groups, required, only, not, names, parts, friendlyNames, productNames);
    }

    int countRows(String table) {
        return switch (table) {
            case "plan_exclusion", "plan_dependency", "product_country_rule", "product_service_plan", "service_plan" ->
                    jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static void setAll(java.sql.PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }

    private static Product product(ResultSet rs, int n) throws SQLException {
        return new Product(new SkuId(rs.getObject("sku_id", UUID.class)), rs.getString("sku_part_number"),
                rs.getString("product_name"));
    }
}
