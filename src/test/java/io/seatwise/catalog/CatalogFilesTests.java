package io.seatwise.catalog;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.seatwise.SeatwiseApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partner's own catalog: the parser reads product, service-plan, exclusion and rules files, and reports every
 * problem with file, line and reason before anything is stored. Fixtures in {@code catalog-fixtures/}.
 */
class CatalogFilesTests {

    static final SkuId SUITE = SkuId.of("11111111-1111-4111-8111-111111111111");
    static final SkuId VOICE = SkuId.of("22222222-2222-4222-8222-222222222222");
    static final SkuId ARCHIVE = SkuId.of("33333333-3333-4333-8333-333333333333");

    static ServicePlanId plan(int n) {
        return new ServicePlanId(UUID.fromString("aaaaaaaa-0000-4000-8000-00000000000" + n));
    }

    static Resource fixture(String name) {
        return new ClassPathResource("catalog-fixtures/" + name);
    }

    /** The good fixture with some files replaced: keys products, plans, exclusions, rules. */
    static CatalogProperties files(Map<String, String> replaced) {
        return new CatalogProperties(fixture(replaced.getOrDefault("products", "products.csv")),
                fixture(replaced.getOrDefault("plans", "service_plans.csv")),
                fixture(replaced.getOrDefault("exclusions", "exclusions.csv")),
                fixture(replaced.getOrDefault("rules", "rules.csv")));
    }

    static List<String> problems(Map<String, String> replaced) {
        CatalogFormatException e = (CatalogFormatException) org.assertj.core.api.Assertions
                .catchThrowable(() -> CatalogFiles.read(files(replaced)));
        assertThat(e).as("the files are refused").isNotNull();
        assertThat(e.getMessage()).contains(e.problems().get(0));
        return e.problems();
    }

    @Test
    void readsAGoodCatalogWithItsRules() {
        CatalogData data = CatalogFiles.read(files(Map.of()));

        assertThat(data.products()).extracting(Product::skuPartNumber)
                .containsExactly("PARTNER_SUITE", "PARTNER_VOICE", "PARTNER_ARCHIVE");
        assertThat(data.products().get(1).productName()).isEqualTo("Partner Voice, with calling");
        assertThat(data.plans()).containsOnlyKeys(plan(1), plan(2), plan(3), plan(4), plan(5), plan(9));
        assertThat(data.plans().get(plan(5)).name()).as("an empty technical name falls back to the friendly one")
                .isEqualTo("Archive Search");
        assertThat(data.productPlans()).hasSize(6);
        assertThat(data.exclusions()).extracting(CatalogData.Exclusion::planId).containsExactly(plan(1), plan(9));
        assertThat(data.dependencies()).extracting(d -> d.planId() + ">" + d.requiredPlanId())
                .containsExactlyInAnyOrder(plan(3) + ">" + plan(2), plan(4) + ">" + plan(1), plan(4) + ">" + plan(2));
        assertThat(data.dependencies()).filteredOn(d -> d.planId().equals(plan(4)))
                .extracting(CatalogData.Dependency::source).containsOnly("partner docs, page 2");
        assertThat(data.countryRules()).extracting(r -> r.skuId() + "/" + r.country() + "/" + r.offered())
                .containsExactlyInAnyOrder(VOICE + "/US/true", VOICE + "/SE/true", VOICE + "/NO/true",
                        ARCHIVE + "/CN/false");
    }

    @Test
    void acceptsAByteOrderMarkAndWindowsLineEnds() {
        CatalogData data = CatalogFiles.read(files(Map.of("products", "bom-products.csv")));

        assertThat(data.products()).extracting(Product::skuId).containsExactly(SUITE, VOICE, ARCHIVE);
        assertThat(data.products().get(2).productName()).isEqualTo("Partner Archive – Ärchiv");
    }

    @Test
    void acceptsTheEmptyTrailingColumnSpreadsheetsWrite() {
        CatalogData data = CatalogFiles.read(files(Map.of("products", "trailing-comma-products.csv")));

        assertThat(data.products()).extracting(Product::skuId).containsExactly(SUITE, VOICE, ARCHIVE);
    }

    @Test
    void reportsBadGuidsWithFileLineAndColumn() {
        assertThat(problems(Map.of("products", "bad-guid-products.csv"))).contains(
                "bad-guid-products.csv:3: column sku_id: 'not-a-guid' is not a GUID",
                "bad-guid-products.csv:4: column sku_id: '1-2-3-4-5' is not a GUID",
                "bad-guid-products.csv:5: column sku_id: '11111111-1111-4111-8111-11111111111' is not a GUID");
    }

    @Test
    void reportsAMissingColumnOnTheHeaderLine() {
        assertThat(problems(Map.of("products", "missing-column-products.csv")))
                .anySatisfy(p -> assertThat(p).startsWith("missing-column-products.csv:1: missing column(s) "
                        + "product_name"));
        assertThat(problems(Map.of("rules", "missing-column-rules.csv")))
                .anySatisfy(p -> assertThat(p).startsWith("missing-column-rules.csv:3: missing column(s) source"));
    }

    @Test
    void reportsAColumnNamedTwiceInsteadOfFailingOnIt() {
        assertThat(problems(Map.of("products", "duplicate-header-products.csv")))
                .anySatisfy(p -> assertThat(p).startsWith("duplicate-header-products.csv: cannot be read: ")
                        .contains("sku_id"));
    }

    @Test
    void reportsARowWithTooFewFields() {
        assertThat(problems(Map.of("plans", "short-row-service_plans.csv")))
                .contains("short-row-service_plans.csv:3: expected 4 fields, found 3");
    }

    @Test
    void reportsEmptyRequiredFields() {
        assertThat(problems(Map.of("products", "empty-field-products.csv"))).contains(
                "empty-field-products.csv:3: column sku_part_number: is empty",
                "empty-field-products.csv:4: column product_name: is empty");
    }

    @Test
    void reportsUnknownProductsInRules() {
        assertThat(problems(Map.of("rules", "unknown-product-rules.csv"))).containsExactly(
                "unknown-product-rules.csv:3: column target: unknown product 'PARTNER_TELEPORT'",
                "unknown-product-rules.csv:4: column target: unknown product "
                        + "'44444444-4444-4444-8444-444444444444'");
    }

    @Test
    void reportsUnknownRules() {
        assertThat(problems(Map.of("rules", "unknown-rule-rules.csv"))).containsExactly(
                "unknown-rule-rules.csv:3: column rule: unknown rule 'sold_only_in' "
                        + "(use offered_only_in, not_offered_in or plan_requires)");
    }

    @Test
    void reportsBadAndRepeatedCountryCodes() {
        assertThat(problems(Map.of("rules", "bad-country-rules.csv"))).containsExactly(
                "bad-country-rules.csv:2: column values: 'XX' is not an ISO 3166 country code",
                "bad-country-rules.csv:2: column values: 'Sweden' is not an ISO 3166 country code",
                "bad-country-rules.csv:3: column values: country CN is listed twice for PARTNER_SUITE");
    }

    @Test
    void reportsUnknownServicePlansInRules() {
        assertThat(problems(Map.of("rules", "unknown-plan-rules.csv"))).containsExactly(
                "unknown-plan-rules.csv:2: column values: unknown service plan 'P_TELEPATHY'",
                "unknown-plan-rules.csv:3: column target: unknown service plan 'P_HOLOGRAM'");
    }

    @Test
    void reportsAPartNumberThatNamesSeveralProducts() {
        assertThat(problems(Map.of("products", "ambiguous-products.csv"))).containsExactly(
                "rules.csv:5: column target: part number 'PARTNER_VOICE' names 2 products; use the product's sku_id");
    }

    @Test
    void reportsDuplicateProductsAndPlansOfUnknownProducts() {
        assertThat(problems(Map.of("products", "duplicate-products.csv")))
                .contains("duplicate-products.csv:5: column sku_id: duplicate product " + SUITE);
        assertThat(problems(Map.of("plans", "unknown-sku-service_plans.csv"))).contains(
                "unknown-sku-service_plans.csv:3: column sku_id: product 66666666-6666-4666-8666-666666666666 "
                        + "is not in the products file");
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnce() {
        List<String> problems = problems(Map.of("products", "bad-guid-products.csv", "rules",
                "unknown-rule-rules.csv"));

        assertThat(problems.stream().map(p -> p.substring(0, p.indexOf(':'))).collect(Collectors.toSet()))
                .contains("bad-guid-products.csv", "unknown-rule-rules.csv");
        assertThat(problems).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void reportsAFileThatIsNotThere() {
        File missing = new File("/nonexistent/partner/products.csv");
        CatalogProperties properties = new CatalogProperties(new FileSystemResource(missing),
                fixture("service_plans.csv"), fixture("exclusions.csv"), fixture("rules.csv"));

        assertThatThrownBy(() -> CatalogFiles.read(properties))
                .isInstanceOfSatisfying(CatalogFormatException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("products.csv: file not found")
                                .contains(missing.getPath())));
    }

    @Test
    void aPartnersOwnCatalogLoadsInsteadOfTheShippedOne() throws Exception {
        // Given the partner's files, configured as file: paths
        String dir = new ClassPathResource("catalog-fixtures/products.csv").getFile().getParent();
        String database = "jdbc:h2:mem:partner-catalog-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

        // When the application starts on an empty database
        try (var app = new SpringApplicationBuilder(SeatwiseApplication.class).run(
                "--spring.datasource.url=" + database, "--seatwise.demo-data=false", "--server.port=0",
                "--spring.main.banner-mode=off", "--seatwise.admin.password=partner-admin-password",
                "--seatwise.catalog.products=file:" + dir + "/bom-products.csv",
                "--seatwise.catalog.service-plans=file:" + dir + "/service_plans.csv",
                "--seatwise.catalog.exclusions=file:" + dir + "/exclusions.csv",
                "--seatwise.catalog.rules=file:" + dir + "/rules.csv")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            // Then its catalog is the partner's, with the partner's rules
            assertThat(jdbc.sql("SELECT sku_part_number FROM product ORDER BY sku_part_number").query(String.class)
                    .list()).containsExactly("PARTNER_ARCHIVE", "PARTNER_SUITE", "PARTNER_VOICE");
            assertThat(jdbc.sql("SELECT count(*) FROM service_plan").query(Long.class).single()).isEqualTo(6);
            assertThat(jdbc.sql("SELECT count(*) FROM plan_exclusion").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM plan_dependency").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT country FROM product_country_rule WHERE offered ORDER BY country")
                    .query(String.class).list()).containsExactly("NO", "SE", "US");
        }
    }

    @Test
    void aBadPartnerCatalogStopsTheStartListingTheProblems() throws Exception {
        String dir = new ClassPathResource("catalog-fixtures/products.csv").getFile().getParent();
        String database = "jdbc:h2:mem:partner-catalog-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

        assertThatThrownBy(() -> new SpringApplicationBuilder(SeatwiseApplication.class).run(
                "--spring.datasource.url=" + database, "--seatwise.demo-data=false", "--server.port=0",
                "--spring.main.banner-mode=off", "--seatwise.admin.password=partner-admin-password",
                "--seatwise.catalog.products=file:" + dir + "/products.csv",
                "--seatwise.catalog.service-plans=file:" + dir + "/service_plans.csv",
                "--seatwise.catalog.exclusions=file:" + dir + "/exclusions.csv",
                "--seatwise.catalog.rules=file:" + dir + "/unknown-rule-rules.csv").close())
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageContaining("unknown-rule-rules.csv:3: column rule: unknown rule 'sold_only_in'");
    }
}
