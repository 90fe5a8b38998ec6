package io.seatwise.provisioning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The translation of SCIM filters to SQL, without a database: each operator, precedence, value paths, errors. */
class ScimFilterSqlTests {

    static ScimFilterSql.Where where(String filter) {
        return ScimFilterSql.where(filter);
    }

    @Test
    void noFilterIsEveryUser() {
        assertThat(where(null).sql()).isEqualTo("1 = 1");
        assertThat(where("  ").params()).isEmpty();
    }

    @Test
    void userNameEqIsAProbeOfTheLowerCasedKeyWithTheValueAsAParameter() {
        ScimFilterSql.Where w = where("userName eq \"Ann.Smith@Example.COM\"");
        assertThat(w.sql()).isEqualTo("u.user_name_key = :f0");
        assertThat(w.params()).isEqualTo(Map.of("f0", "ann.smith@example.com"));
    }

    @Test
    void aBareUserNameEqOrNeAlsoComparesItWithTheDefaultDomainAskedOnlyThen() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<String> domain = () -> {
            asked.incrementAndGet();
            return "Contoso.example";
        };
        ScimFilterSql.Where eq = ScimFilterSql.where("userName eq \"Jane\"", domain);
        assertThat(eq.sql()).isEqualTo("u.user_name_key IN (:f0, :f1)");
        assertThat(eq.params()).isEqualTo(Map.of("f0", "jane", "f1", "jane@contoso.example"));
        assertThat(ScimFilterSql.where("not (userName ne \"jane\")", domain).sql())
                .isEqualTo("NOT (NOT (u.user_name_key IN (:f0, :f1)))");
        assertThat(asked).hasValue(2);
        // a whole name, another operator or attribute: as they are, and the domain not asked
        assertThat(ScimFilterSql.where("userName eq \"jane@x.example\"", domain).sql())
                .isEqualTo("u.user_name_key = :f0");
        assertThat(ScimFilterSql.where("userName sw \"jane\"", domain).params()).isEqualTo(Map.of("f0", "jane%"));
        assertThat(ScimFilterSql.where("displayName eq \"jane\"", domain).sql()).isEqualTo("u.display_key = :f0");
        assertThat(asked).hasValue(2);
        // no default domain: as it is
        assertThat(ScimFilterSql.where("userName eq \"jane\"", () -> null).sql()).isEqualTo("u.user_name_key = :f0");
    }

    @Test
    void attributeNamesAndOperatorsAreCaseInsensitiveAndMayCarryTheCoreSchema() {
        assertThat(where("USERNAME EQ \"a\"").sql()).isEqualTo("u.user_name_key = :f0");
        assertThat(where("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a\"").sql())
                .isEqualTo("u.user_name_key = :f0");
    }

    @Test
    void stringOperators() {
        assertThat(where("displayName ne \"A\"").sql()).isEqualTo("u.display_key <> :f0");
        assertThat(where("displayName co \"5%_x\\\\\"").params()).isEqualTo(Map.of("f0", "%5\\%\\_x\\\\%"));
        assertThat(where("displayName sw \"An\"").params()).isEqualTo(Map.of("f0", "an%"));
        assertThat(where("displayName ew \"Ith\"").params()).isEqualTo(Map.of("f0", "%ith"));
        assertThat(where("displayName co \"a\"").sql()).isEqualTo("u.display_key LIKE :f0 ESCAPE '\\'");
        assertThat(where("userName gt \"b\"").sql()).isEqualTo("u.user_name_key > :f0");
        assertThat(where("userName ge \"b\"").sql()).isEqualTo("u.user_name_key >= :f0");
        assertThat(where("userName lt \"b\"").sql()).isEqualTo("u.user_name_key < :f0");
        assertThat(where("userName le \"b\"").sql()).isEqualTo("u.user_name_key <= :f0");
    }

    @Test
    void anAbsentNameIsEqualToNothingAndUnequalToEverything() {
        assertThat(where("name.givenName eq \"Ann\"").sql()).isEqualTo("(u.first_key IS NOT NULL AND u.first_key = :f0)");
        assertThat(where("name.familyName ne \"Smith\"").sql())
                .isEqualTo("(u.last_key IS NULL OR u.last_key <> :f0)");
        assertThat(where("name.givenName pr").sql()).isEqualTo("(u.first_key IS NOT NULL AND u.first_key <> '')");
        assertThat(where("userName pr").sql()).isEqualTo("1 = 1");
        assertThat(where("externalId pr").sql()).isEqualTo("u.external_id_key IS NOT NULL");
    }

    @Test
    void externalIdIsCaseExact() {
        ScimFilterSql.Where w = where("externalId eq \"AbC-1\"");
        assertThat(w.sql()).isEqualTo("(u.external_id_key IS NOT NULL AND u.external_id_key = :f0)");
        assertThat(w.params()).isEqualTo(Map.of("f0", "AbC-1"));
    }

    @Test
    void activeIsSignInNotBlocked() {
        assertThat(where("active eq true").sql()).isEqualTo("NOT u.sign_in_blocked");
        assertThat(where("active eq false").sql()).isEqualTo("u.sign_in_blocked");
        assertThat(where("active ne true").sql()).isEqualTo("NOT (NOT u.sign_in_blocked)");
        assertThat(where("active eq \"False\"").sql()).isEqualTo("u.sign_in_blocked");
    }

    @Test
    void metaDatesCompareAsInstants() {
        ScimFilterSql.Where w = where("meta.lastModified gt \"2026-01-31T13:00:00+01:00\"");
        assertThat(w.sql()).isEqualTo("u.updated_at > :f0");
        assertThat(w.params()).isEqualTo(Map.of("f0", OffsetDateTime.of(2026, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC)));
        assertThat(where("meta.created le \"2026-01-31T12:00:00Z\"").sql()).isEqualTo("u.created_at <= :f0");
    }

    @Test
    void idIsAUuidAndAnythingElseMatchesNothing() {
        UUID id = UUID.randomUUID();
        ScimFilterSql.Where w = where("id eq \"" + id + "\"");
        assertThat(w.sql()).isEqualTo("u.id = :f0");
        assertThat(w.params()).isEqualTo(Map.of("f0", id));
        assertThat(where("id eq \"nope\"").sql()).isEqualTo("1 = 0");
        assertThat(where("id ne \"nope\"").sql()).isEqualTo("NOT (1 = 0)");
    }

    @Test
    void andBindsTighterThanOrAndNotAndGroupingAreKept() {
        assertThat(where("userName eq \"a\" or userName eq \"b\" and displayName eq \"c\"").sql())
                .isEqualTo("(u.user_name_key = :f0 OR (u.user_name_key = :f1 AND u.display_key = :f2))");
        assertThat(where("(userName eq \"a\" or userName eq \"b\") and displayName eq \"c\"").sql())
                .isEqualTo("((u.user_name_key = :f0 OR u.user_name_key = :f1) AND u.display_key = :f2)");
        assertThat(where("not (userName sw \"a\")").sql()).isEqualTo("NOT (u.user_name_key LIKE :f0 ESCAPE '\\')");
    }

    /** Every user's user name is a primary work email; the emails sent are rows e, each compared as a whole. */
    static final String STORED = "EXISTS (SELECT 1 FROM scim_user_email e WHERE e.customer_id = u.customer_id"
            + " AND e.user_id = u.id AND ";

    @Test
    void emailsAreTheUserNameOfTypeWorkOrAStoredEmail() {
        assertThat(where("emails co \"@x\"").sql()).isEqualTo("(u.user_name_key LIKE :f0 ESCAPE '\\' OR "
                + STORED + "e.address_key LIKE :f1 ESCAPE '\\'))");
        assertThat(where("emails.value eq \"A@X\"").params()).isEqualTo(Map.of("f0", "a@x", "f1", "a@x"));
        assertThat(where("emails[type eq \"work\"]").sql()).isEqualTo("1 = 1");
        assertThat(where("emails[type eq \"home\"]").sql())
                .isEqualTo(STORED + "(LOWER(e.email_type) IS NOT NULL AND LOWER(e.email_type) = :f0))");
        assertThat(where("emails[type eq \"work\" and value ew \"@x.com\"]").sql())
                .isEqualTo("((1 = 1 AND u.user_name_key LIKE :f0 ESCAPE '\\') OR " + STORED
                        + "((LOWER(e.email_type) IS NOT NULL AND LOWER(e.email_type) = :f1)"
                        + " AND e.address_key LIKE :f2 ESCAPE '\\')))");
        assertThat(where("emails[primary eq true]").sql()).isEqualTo("1 = 1");
        assertThat(where("emails[primary eq false]").sql()).isEqualTo(STORED + "NOT e.is_primary)");
    }

    @Test
    void aValuePathWithASubAttributeIsBothConditionsOnOneEmail() {
        ScimFilterSql.Where w = where("emails[type eq \"work\"].value eq \"a@x\"");
        assertThat(w.sql()).isEqualTo("((1 = 1 AND u.user_name_key = :f0) OR " + STORED
                + "((LOWER(e.email_type) IS NOT NULL AND LOWER(e.email_type) = :f1) AND e.address_key = :f2)))");
        assertThat(w.params()).isEqualTo(Map.of("f0", "a@x", "f1", "work", "f2", "a@x"));
        assertThat(where("emails[type eq \"work\" or primary eq false].value pr and userName sw \"a]\"").sql())
                .isEqualTo("((((1 = 1 OR 1 = 0) AND 1 = 1) OR " + STORED + "(((LOWER(e.email_type) IS NOT NULL AND"
                        + " LOWER(e.email_type) = :f0) OR NOT e.is_primary) AND 1 = 1))) AND u.user_name_key LIKE :f1"
                        + " ESCAPE '\\')");
    }

    @Test
    void keptAttributesAreExistsOnTheProfileWithoutCase() {
        String p = "EXISTS (SELECT 1 FROM scim_user_profile p WHERE p.customer_id = u.customer_id AND p.user_id = u.id"
                + " AND ";
        ScimFilterSql.Where w = where(ScimUserProfile.ENTERPRISE + ":department eq \"Sales\"");
        assertThat(w.sql()).isEqualTo(p + "(LOWER(p.department) IS NOT NULL AND LOWER(p.department) = :f0))");
        assertThat(w.params()).isEqualTo(Map.of("f0", "sales"));
        assertThat(where("userType ne \"Employee\"").sql()).isEqualTo("NOT " + p + "LOWER(p.user_type) = :f0)");
        assertThat(where("title pr").sql())
                .isEqualTo(p + "(LOWER(p.title) IS NOT NULL AND LOWER(p.title) <> ''))");
        assertThat(where("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"M\"").sql())
                .isEqualTo(p + "(LOWER(p.manager_id) IS NOT NULL AND LOWER(p.manager_id) = :f0))");
        assertThat(where("name.honorificSuffix eq null").sql())
                .isEqualTo("NOT " + p + "(LOWER(p.honorific_suffix) IS NOT NULL AND LOWER(p.honorific_suffix) <> ''))");
    }

    @Test
    void valuePathsAreMovedIntoTheirBracketsLeavingStringsAlone() {
        assertThat(ScimFilterValuePaths.inline("emails[type eq \"work\"].value eq \"a].b\""))
                .isEqualTo("emails[(type eq \"work\") and value eq \"a].b\"]");
        assertThat(ScimFilterValuePaths.inline("userName eq \"x[y].z eq 1\"")).isEqualTo("userName eq \"x[y].z eq 1\"");
        assertThat(ScimFilterValuePaths.inline("emails[type eq \"work\"]")).isEqualTo("emails[type eq \"work\"]");
    }

    @Test
    void eqNullIsAbsence() {
        assertThat(where("name.givenName eq null").sql())
                .isEqualTo("NOT ((u.first_key IS NOT NULL AND u.first_key <> ''))");
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName eq", "userName eq \"a", "userName xx \"a\"", "(userName eq \"a\"",
            "userName eq \"a\" and", "title gt 1", "name.middleName eq true",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:nope eq \"1\"",
            "urn:ietf:params:scim:schemas:extension:other:2.0:User:department eq \"1\"",
            "active co \"t\"", "active eq 1", "meta.created sw \"2026\"", "meta.created gt \"yesterday\"",
            "userName eq 5", "id gt \"a\"", "addresses[type eq \"work\"]", "emails[value eq \"a\"].nope eq \"b\""})
    void whatCannotBeAnsweredIsAnInvalidFilter(String filter) {
        assertThatThrownBy(() -> where(filter)).isInstanceOfSatisfying(ScimFilterException.class, e -> {
            assertThat(e.scimType()).isEqualTo("invalidFilter");
            assertThat(e.field()).isEqualTo("filter");
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void anOverlongFilterIsRefused() {
        String filter = "userName eq \"" + "a".repeat(ScimFilterSql.MAX_FILTER_LENGTH) + "\"";
        assertThatThrownBy(() -> where(filter)).isInstanceOf(ScimFilterException.class)
                .hasMessageContaining("longer than");
    }
}
