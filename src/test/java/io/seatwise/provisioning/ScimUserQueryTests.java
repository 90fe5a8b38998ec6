package io.seatwise.provisioning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.users.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SCIM's {@code GET /Users} query on a database ({@link ScimUserQuery}): 20 users of a customer (one without a last
 * name, one without a first name, one blocked), a deleted one and another customer's, found by filters, paged and
 * sorted; on H2 and PostgreSQL.
 */
abstract class ScimUserQueryTests {

    static final OffsetDateTime DAY_ONE = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    ScimUserQuery query;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    JdbcClient jdbc;

    CustomerId customer;
    String domain;
    UUID bob;

    @BeforeEach
    void twentyUsers() {
        LicensingFixture.Tenant t = fixture.tenant("SE");
        customer = t.id();
        domain = t.domain();
        insert(customer, "amy.smith@" + domain, "Amy", "Smith", "Amy Smith", false, "EXT-1", 1, false);
        insert(customer, "Anna.Berg@" + domain, "Anna", "Berg", "Anna Berg", true, "ext-1", 2, false);
        bob = insert(customer, "bob@" + domain, "Bob", null, "Bob", false, null, 3, false);
        insert(customer, "carl@" + domain, null, "Carlsson", "Carl Carlsson", false, null, 4, false);
        for (int i = 5; i <= 20; i++) {
            String n = String.format("%02d", i);
            insert(customer, "user" + n + "@" + domain, "First" + n, "Last" + n, "User " + n, false, "E" + n, i,
                    false);
        }
        insert(customer, "anna.old@" + domain, "Anna", "Old", "Anna Old", false, "EXT-OLD", 21, true);
        LicensingFixture.Tenant other = fixture.tenant("SE");
        insert(other.id(), "anna.x@" + other.domain(), "Anna", "X", "Anna X", false, "EXT-1", 1, false);
    }

    UUID insert(CustomerId c, String userName, String first, String last, String display, boolean blocked,
            String externalId, int day, boolean deleted) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = DAY_ONE.plusDays(day - 1L);
        jdbc.sql("INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, first_name, last_name, "
                        + "display_name, sign_in_blocked, created_at, updated_at, deleted_at, external_id) VALUES "
                        + "(:c, :id, :upn, :key, :first, :last, :display, :blocked, :at, :at, :deleted, :ext)")
                .param("c", c.value()).param("id", id).param("upn", userName)
                .param("key", deleted ? null : userName.toLowerCase(java.util.Locale.ROOT))
                .param("first", first).param("last", last).param("display", display).param("blocked", blocked)
                .param("at", at).param("deleted", deleted ? at.plusHours(1) : null).param("ext", externalId)
                .update();
        return id;
    }

    ScimUserQuery.Page find(String filter) {
        return query.find(customer, filter, 1, 100, null, null);
    }

    List<String> names(String filter) {
        return find(filter).users().stream().map(u -> u.userPrincipalName().replace("@" + domain, "")).toList();
    }

    @Test
    void userNameEqIsCaseInsensitiveAndNoMatchIsAnEmptyResult() {
        assertThat(names("userName eq \"AMY.SMITH@" + domain.toUpperCase() + "\"")).containsExactly("amy.smith");
        assertThat(names("userName eq \"anna.berg@" + domain + "\"")).containsExactly("Anna.Berg");
        ScimUserQuery.Page none = find("userName eq \"nobody@" + domain + "\"");
        assertThat(none.totalResults()).isZero();
        assertThat(none.users()).isEmpty();
    }

    @Test
    void deletedUsersAndOtherCustomersUsersAreNeverFound() {
        assertThat(names("displayName sw \"ANNA\"")).containsExactly("Anna.Berg");
        assertThat(names("externalId eq \"EXT-OLD\"")).isEmpty();
        assertThat(names("userName sw \"anna\"")).containsExactly("Anna.Berg");
        assertThat(find(null).totalResults()).isEqualTo(20);
    }

    /** Unfiltered, the total is the number the users list keeps ({@code user_count}), not a count of the rows. */
    @Test
    void theUnfilteredTotalIsTheUsersListsCount() {
        jdbc.sql("DELETE FROM user_count WHERE customer_id = :c").param("c", customer.value()).update();
        jdbc.sql("INSERT INTO user_count (customer_id, version, users, deleted) VALUES (:c, 0, 20, 1)")
                .param("c", customer.value()).update();
        assertThat(find(null).totalResults()).isEqualTo(20);
        jdbc.sql("UPDATE user_count SET users = 21 WHERE customer_id = :c").param("c", customer.value()).update();
        assertThat(find(null).totalResults()).isEqualTo(21);
        assertThat(find("userName pr").totalResults()).isEqualTo(20);
        jdbc.sql("DELETE FROM user_count WHERE customer_id = :c").param("c", customer.value()).update();
        assertThat(find(null).totalResults()).as("counted without a kept number").isEqualTo(20);
    }

    @Test
    void externalIdIsCaseExact() {
        assertThat(names("externalId eq \"EXT-1\"")).containsExactly("amy.smith");
        assertThat(names("externalId eq \"ext-1\"")).containsExactly("Anna.Berg");
        assertThat(names("externalId sw \"E1\"")).containsExactly("user10", "user11", "user12", "user13", "user14",
                "user15", "user16", "user17", "user18", "user19");
        assertThat(find("not (externalId pr)").totalResults()).isEqualTo(2);
    }

    @Test
    void activeIsSignInNotBlocked() {
        assertThat(names("active eq false")).containsExactly("Anna.Berg");
        assertThat(find("active eq true").totalResults()).isEqualTo(19);
        assertThat(find("active ne false").totalResults()).isEqualTo(19);
    }

    @Test
    void absentNamesAreNotPresentAndUnequalToEverything() {
        assertThat(find("name.familyName pr").totalResults()).isEqualTo(19);
        assertThat(names("not (name.givenName pr)")).containsExactly("carl");
        assertThat(find("name.givenName ne \"amy\"").totalResults()).isEqualTo(19);
        assertThat(find("not (name.givenName eq \"Amy\")").totalResults()).isEqualTo(19);
        assertThat(names("name.familyName eq \"carlsson\"")).containsExactly("carl");
    }

    @Test
    void emailsAreTheUserName() {
        assertThat(find("emails[type eq \"work\" and value ew \"@" + domain.toUpperCase() + "\"]").totalResults())
                .isEqualTo(20);
        assertThat(find("emails.value co \"user1\"").totalResults()).isEqualTo(10);
        assertThat(find("emails[type eq \"home\"]").totalResults()).isZero();
    }

    @Test
    void datesIdsAndCombinations() {
        assertThat(names("meta.created ge \"2026-01-18T00:00:00Z\" and meta.created lt \"2026-01-20T00:00:00Z\""))
                .containsExactly("user18", "user19");
        assertThat(find("meta.lastModified gt \"2026-01-19T21:00:00-02:00\"").totalResults()).isEqualTo(1);
        assertThat(names("id eq \"" + bob + "\"")).containsExactly("bob");
        assertThat(names("userName eq \"amy.smith@" + domain + "\" or (active eq false and name.givenName sw \"an\")"))
                .containsExactly("amy.smith", "Anna.Berg");
        assertThat(names("not (userName sw \"user\") and not (userName eq \"bob@" + domain + "\")"))
                .containsExactly("amy.smith", "Anna.Berg", "carl");
    }

    @Test
    void pagesAreOneBasedAndCountZeroGivesOnlyTheTotal() {
        ScimUserQuery.Page first = query.find(customer, null, 1, 5, "userName", "ascending");
        assertThat(first.users()).extracting(User::userPrincipalName).extracting(n -> n.replace("@" + domain, ""))
                .containsExactly("amy.smith", "Anna.Berg", "bob", "carl", "user05");
        assertThat(first.totalResults()).isEqualTo(20);
        assertThat(first.itemsPerPage()).isEqualTo(5);

        ScimUserQuery.Page last = query.find(customer, null, 19, 5, null, null);
        assertThat(last.users()).extracting(User::displayName).containsExactly("User 19", "User 20");
        assertThat(last.startIndex()).isEqualTo(19);

        ScimUserQuery.Page counted = query.find(customer, "active eq true", 1, 0, null, null);
        assertThat(counted.totalResults()).isEqualTo(19);
        assertThat(counted.users()).isEmpty();

        assertThat(query.find(customer, null, 21, 5, null, null).users()).isEmpty();
        assertThat(query.find(customer, null, 0, 2, null, null).users()).extracting(User::displayName)
                .containsExactly("Amy Smith", "Anna Berg");
        assertThat(query.find(customer, null, 1, 50_000, null, null).users()).hasSize(20);
    }

    @Test
    void sortedByNamesAndCreationEitherWay() {
        assertThat(query.find(customer, null, 1, 1, "displayName", "descending").users())
                .extracting(User::displayName).containsExactly("User 20");
        List<User> byGivenName = query.find(customer, null, 1, 20, "name.givenName", "ascending").users();
        assertThat(byGivenName.get(0).firstName()).isEqualTo("Amy");
        assertThat(byGivenName.get(19).displayName()).isEqualTo("Carl Carlsson");
        assertThat(query.find(customer, null, 1, 1, "NAME.GIVENNAME", "DESCENDING").users())
                .extracting(User::displayName).containsExactly("Carl Carlsson");
        assertThat(query.find(customer, "userName sw \"user\"", 1, 2, "meta.created", "descending").users())
                .extracting(User::displayName).containsExactly("User 20", "User 19");
        assertThat(query.find(customer, null, 1, 1, "name.familyName", null).users())
                .extracting(User::lastName).containsExactly("Berg");
    }

    @Test
    void badQueriesAreTypedScimErrors() {
        assertThatThrownBy(() -> find("userName eq")).isInstanceOfSatisfying(ScimFilterException.class,
                e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
        assertThatThrownBy(() -> query.find(customer, null, 1, 1, "title", null))
                .isInstanceOfSatisfying(ScimFilterException.class,
                        e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
        assertThatThrownBy(() -> query.find(customer, null, 1, 1, null, "up"))
                .isInstanceOfSatisfying(ScimFilterException.class,
                        e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }
}
