package io.seatwise.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.seatwise.shared.Countries;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.core.io.Resource;

/**
 * Reads and validates the catalog files. Collects every problem (file, line, reason) before failing, so a partner
 * fixes a file in one go.
 */
final class CatalogFiles {

    /**
     * Blank column names are allowed, since spreadsheets save an empty trailing column as a trailing comma; a name
     * given twice is refused rather than silently read from one of the two columns.
     */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get();
    /** The canonical 8-4-4-4-12 form only: {@link UUID#fromString} also takes "1-2-3-4-5" and short digits. */
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final List<String> problems = new ArrayList<>();
    private final Map<SkuId, Product> products = new LinkedHashMap<>();
    private final Map<ServicePlanId, ServicePlan> plans = new LinkedHashMap<>();
    private final List<CatalogData.ProductPlan> productPlans = new ArrayList<>();
    private final Map<String, List<SkuId>> skuByPartNumber = new HashMap<>();
    private final Map<String, Set<ServicePlanId>> planByName = new HashMap<>();
    private final List<CatalogData.Exclusion> exclusions = new ArrayList<>();
    private final List<CatalogData.Dependency> dependencies = new ArrayList<>();
    private final List<CatalogData.CountryRule> countryRules = new ArrayList<>();
    private final Set<String> seenCountryRules = new LinkedHashSet<>();

    /** Reads the four files in order (each later file refers to the earlier ones) on a fresh instance. */
    static CatalogData read(CatalogProperties files) {
        CatalogFiles catalog = new CatalogFiles();
        catalog.readProducts(files.products());
        catalog.readServicePlans(files.servicePlans());
        catalog.readExclusions(files.exclusions());
        catalog.readRules(files.rules());
        if (!catalog.problems.isEmpty()) {
            throw new CatalogFormatException(catalog.problems);
        }
        return new CatalogData(List.copyOf(catalog.products.values()), catalog.plans, catalog.productPlans,
                catalog.exclusions, catalog.dependencies.stream().distinct().toList(), catalog.countryRules);
    }

    private void readProducts(Resource file) {
        each(file, List.of("sku_id", "sku_part_number", "product_name"), (name, r) -> {
            UUID id = uuid(name, r, "sku_id");
            String part = text(name, r, "sku_part_number", 200);
            String productName = text(name, r, "product_name", 300);
            if (id == null || part == null || productName == null) {
                return;
            }
            SkuId sku = new SkuId(id);
            if (products.putIfAbsent(sku, new Product(sku, part, productName)) != null) {
                problem(name, r, "sku_id", "duplicate product " + id);
                return;
            }
            skuByPartNumber.computeIfAbsent(part.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(sku);
        });
    }

    private void readServicePlans(Resource file) {
        each(file, List.of("sku_id", "service_plan_id", "service_plan_name", "service_plan_friendly_name"),
                (name, r) -> {
            UUID sku = uuid(name, r, "sku_id");
            UUID planId = uuid(name, r, "service_plan_id");
            String friendly = optional(name, r, "service_plan_friendly_name", 300);
            // Microsoft's table leaves a few technical names empty: fall back to the friendly name.
            String planName = r.get("service_plan_name").isBlank() && friendly != null
                    ? friendly : text(name, r, "service_plan_name", 200);
            if (sku == null || planId == null || planName == null) {
                return;
            }
            if (!products.containsKey(new SkuId(sku))) {
                problem(name, r, "sku_id", "product " + sku + " is not in the products file");
                return;
            }
            ServicePlan plan = new ServicePlan(new ServicePlanId(planId), planName, friendly);
            plans.putIfAbsent(plan.servicePlanId(), plan);
            planByName.computeIfAbsent(planName.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                    .add(plan.servicePlanId());
            productPlans.add(new CatalogData.ProductPlan(new SkuId(sku), plan));
        });
    }

    private void readExclusions(Resource file) {
        each(file, List.of("group", "service", "service_plan_name", "service_plan_id"), (name, r) -> {
            Integer group = integer(name, r, "group");
            UUID planId = uuid(name, r, "service_plan_id");
            if (group == null || planId == null) {
                return;
            }
            // A plan Microsoft lists here may be retired from every product; it is still a known plan.
            String planName = text(name, r, "service_plan_name", 200);
            if (planName == null) {
                return;
            }
            plans.putIfAbsent(new ServicePlanId(planId), new ServicePlan(new ServicePlanId(planId), planName, null));
            planByName.computeIfAbsent(planName.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                    .add(new ServicePlanId(planId));
            exclusions.add(new CatalogData.Exclusion(group, new ServicePlanId(planId), optional(name, r, "service", 200)));
        });
    }

    private void readRules(Resource file) {
        each(file, List.of("rule", "target", "values", "source"), (name, r) -> {
            String rule = text(name, r, "rule", 40);
            String target = text(name, r, "target", 200);
            String values = text(name, r, "values", 2000);
            String source = optional(name, r, "source", 500);
            if (rule == null || target == null || values == null) {
                return;
            }
            List<String> list = List.of(values.split("\\s*;\\s*"));
            switch (rule.toLowerCase(Locale.ROOT)) {
                case "offered_only_in", "not_offered_in" -> countryRule(name, r, target, list,
                        rule.equalsIgnoreCase("offered_only_in"), source);
                case "plan_requires" -> planRequires(name, r, target, list, source);
                default -> problem(name, r, "rule",
                        "unknown rule '" + rule + "' (use offered_only_in, not_offered_in or plan_requires)");
            }
        });
    }

    private void countryRule(String file, CSVRecord r, String target, List<String> countries, boolean offered,
            String source) {
        SkuId sku = resolveSku(file, r, target);
        for (String country : countries) {
            if (!Countries.isValid(country)) {
                problem(file, r, "values", "'" + country + "' is not an ISO 3166 country code");
            } else if (sku != null) {
                String code = country.toUpperCase(Locale.ROOT);
                if (!seenCountryRules.add(sku + "/" + code)) {
                    problem(file, r, "values", "country " + code + " is listed twice for " + target);
                } else {
                    countryRules.add(new CatalogData.CountryRule(sku, code, offered, source));
                }
            }
        }
    }

    private void planRequires(String file, CSVRecord r, String target, List<String> required, String source) {
        Set<ServicePlanId> plan = resolvePlan(file, r, "target", target);
        for (String requiredPlan : required) {
            Set<ServicePlanId> requiredPlans = resolvePlan(file, r, "values", requiredPlan);
            for (ServicePlanId p : plan) {
                for (ServicePlanId q : requiredPlans) {
                    dependencies.add(new CatalogData.Dependency(p, q, source));
                }
            }
        }
    }

    private SkuId resolveSku(String file, CSVRecord r, String target) {
        UUID id = guid(target);
        if (id != null) {
            SkuId sku = new SkuId(id);
            if (products.containsKey(sku)) {
                return sku;
            }
        } else {
            List<SkuId> matches = skuByPartNumber.getOrDefault(target.toLowerCase(Locale.ROOT), List.of());
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                problem(file, r, "target", "part number '" + target + "' names " + matches.size()
                        + " products; use the product's sku_id");
                return null;
            }
        }
        problem(file, r, "target", "unknown product '" + target + "'");
        return null;
    }

    private Set<ServicePlanId> resolvePlan(String file, CSVRecord r, String column, String text) {
        UUID guid = guid(text);
        if (guid != null) {
            ServicePlanId id = new ServicePlanId(guid);
            if (plans.containsKey(id)) {
                return Set.of(id);
            }
        } else {
            Set<ServicePlanId> matches = planByName.get(text.toLowerCase(Locale.ROOT));
            if (matches != null) {
                return matches;
            }
        }
        problem(file, r, column, "unknown service plan '" + text + "'");
        return Set.of();
    }

    private interface RowHandler {
        void row(String file, CSVRecord record);
    }

    private void each(Resource resource, List<String> columns, RowHandler handler) {
        String file = resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
        if (!resource.exists()) {
            problems.add(file + ": file not found (" + resource.getDescription() + ")");
            return;
        }
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(resource.getInputStream())
                .get(), StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                // the header's own line: comment lines may come before it
                problems.add(file + ":" + Math.max(1, parser.getCurrentLineNumber()) + ": missing column(s) "
                        + String.join(", ", missing) + " (expected " + String.join(",", columns) + ")");
                return;
            }
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    problems.add(file + ":" + record.getParser().getCurrentLineNumber() + ": expected "
                            + columns.size() + " fields, found " + record.size());
                    continue;
                }
                handler.row(file, record);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: a header commons-csv refuses, such as a column named twice
            problems.add(file + ": cannot be read: " + e.getMessage());
        }
    }

    private UUID uuid(String file, CSVRecord r, String column) {
        String value = r.get(column);
        UUID id = guid(value);
        if (id == null) {
            problem(file, r, column, "'" + value + "' is not a GUID");
        }
        return id;
    }

    private static UUID guid(String text) {
        return text != null && GUID.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    private Integer integer(String file, CSVRecord r, String column) {
        try {
            return Integer.valueOf(r.get(column));
        } catch (NumberFormatException e) {
            problem(file, r, column, "'" + r.get(column) + "' is not a number");
            return null;
        }
    }

    private String text(String file, CSVRecord r, String column, int max) {
        String value = r.get(column);
        if (value == null || value.isBlank()) {
            problem(file, r, column, "is empty");
            return null;
        }
        if (value.length() > max) {
            problem(file, r, column, "is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    private String optional(String file, CSVRecord r, String column, int max) {
        String value = r.isMapped(column) ? r.get(column) : null;
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    private void problem(String file, CSVRecord r, String column, String reason) {
        problems.add(file + ":" + r.getParser().getCurrentLineNumber() + ": column " + column + ": " + reason);
    }
}
