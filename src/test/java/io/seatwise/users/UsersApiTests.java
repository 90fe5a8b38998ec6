package io.seatwise.users;

import java.util.UUID;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer's user accounts through the API: create, list, get; run on H2 and on PostgreSQL. */
abstract class UsersApiTests extends ApiTestSupport {

    Signed helpdesk;
    Signed sales;
    String customer;
    String domain;
    String secondDomain;

    @BeforeEach
    void customerWithTwoDomains() throws Exception {
        sales = agents.create(Role.SALES);
        helpdesk = agents.create(Role.HELPDESK);
        domain = unique("contoso") + ".example";
        secondDomain = unique("contoso") + ".onmicrosoft.example";
        customer = createCustomer(sales, "NO", domain, secondDomain);
    }

    String users() {
        return "/api/v1/customers/" + customer + "/users";
    }

    static String body(String upn, String first, String last, String display, String location) {
        StringBuilder json = new StringBuilder("{\"userPrincipalName\":\"" + upn + "\"");
        if (first != null) {
            json.append(",\"firstName\":\"").append(first).append('"');
        }
        if (last != null) {
            json.append(",\"lastName\":\"").append(last).append('"');
        }
        if (display != null) {
            json.append(",\"displayName\":\"").append(display).append('"');
        }
        if (location != null) {
            json.append(",\"usageLocation\":\"").append(location).append('"');
        }
        return json.append('}').toString();
    }

    long usersOf(String customerId) {
        return count("SELECT count(*) FROM app_user WHERE customer_id = ?", UUID.fromString(customerId));
    }

    @Test
    void createsAUserInTheCustomersDomainAndReadsItBack() throws Exception {
        // When a Helpdesk agent adds a user, the domain written in capitals
        var created = postAs(helpdesk, users(), body("Ann.Lee@" + domain.toUpperCase(), "Ann", "Lee", "Ann Lee", "se"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userPrincipalName").value("Ann.Lee@" + domain))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.firstName").value("Ann"))
                .andExpect(jsonPath("$.lastName").value("Lee"))
                .andExpect(jsonPath("$.displayName").value("Ann Lee"))
                .andExpect(jsonPath("$.usageLocation").value("SE"))
                .andExpect(jsonPath("$.directoryRole").value("NONE"))
                .andExpect(jsonPath("$.signInBlocked").value(false))
                .andExpect(jsonPath("$.createdAt").exists());
        String id = read(created, "$.id");
        created.andExpect(header().string("Location", endsWith(users() + "/" + id)));

        // Then it can be read back, and the activity log has exactly one line for it
        getAs(sales, users() + "/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.userPrincipalName").value("Ann.Lee@" + domain));
        assertThat(count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = 'user.created' "
                + "AND actor = ? AND details LIKE ?", UUID.fromString(customer), helpdesk.email(),
                "%Ann.Lee@" + domain + "%")).isEqualTo(1);
    }

    @Test
    void aUserMayBeInAnyOfTheCustomersDomainsAndDefaultsToTheCustomersCountry() throws Exception {
        postAs(sales, users(), body("bo@" + secondDomain, "Bo", null, null, null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("Bo"))
                .andExpect(jsonPath("$.usageLocation").value("NO"));
        postAs(sales, users(), body("cy@" + domain, null, "Cy", null, "  "))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("Cy"))
                .andExpect(jsonPath("$.usageLocation").value("NO"));
    }

    @Test
    void refusesAUserNameOutsideTheCustomersDomains() throws Exception {
        // Given another customer with its own domain
        String otherDomain = unique("fabrikam") + ".example";
        createCustomer(sales, "DE", otherDomain);
        long before = usersOf(customer);

        postAs(sales, users(), body("eve@" + otherDomain, "Eve", null, null, null))
                .andExpect(problem(400, "domain-not-owned", "userPrincipalName"));
        postAs(sales, users(), body("eve@" + unique("unknown") + ".example", "Eve", null, null, null))
                .andExpect(problem(400, "domain-not-owned", "userPrincipalName"));
        postAs(sales, users(), body("eve@sub." + domain, "Eve", null, null, null))
                .andExpect(problem(400, "domain-not-owned", "userPrincipalName"));

        assertThat(usersOf(customer)).isEqualTo(before);
    }

    @Test
    void refusesAnInvalidUsageLocation() throws Exception {
        long before = usersOf(customer);

        postAs(sales, users(), body("loc@" + domain, "Lo", null, null, "XX"))
                .andExpect(problem(400, "validation", "usageLocation"));
        postAs(sales, users(), body("loc@" + domain, "Lo", null, null, "Sweden"))
                .andExpect(problem(400, "validation", "usageLocation"));
        postAs(sales, users(), body("loc@" + domain, "Lo", null, null, "SWE"))
                .andExpect(problem(400, "validation", "usageLocation"));

        assertThat(usersOf(customer)).isEqualTo(before);
    }

    @Test
    void userNamesAreUniqueWhateverTheirCase() throws Exception {
        postAs(sales, users(), body("dan@" + domain, "Dan", null, null, null)).andExpect(status().isCreated());
        long before = count("SELECT count(*) FROM app_user");

        postAs(sales, users(), body("DAN@" + domain.toUpperCase(), "Dan", null, null, null))
                .andExpect(problem(409, "user-name-taken", "userPrincipalName"));
        postAs(helpdesk, users(), body("Dan@" + domain, "Dan", null, null, null))
                .andExpect(problem(409, "user-name-taken", "userPrincipalName"));

        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = 'user.created'",
                UUID.fromString(customer))).isEqualTo(1);
    }

    @Test
    void theDatabaseKeepsUserNamesUniqueAcrossCustomers() throws Exception {
        // Domains belong to one customer, so the API cannot even try; the unique key holds for any writer
        String other = createCustomer(sales, "DE", unique("other") + ".example");
        postAs(sales, users(), body("fay@" + domain, "Fay", null, null, null)).andExpect(status().isCreated());

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, display_name, created_at,
                  updated_at) VALUES (?, ?, ?, ?, 'Fay', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """).params(UUID.fromString(other), UUID.randomUUID(), "FAY@" + domain, "fay@" + domain).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void namesLongerThanTheLimitsAreRefusedNamingTheField() throws Exception {
        long before = usersOf(customer);
        String upn = "long@" + domain;

        postAs(sales, users(), body(upn, "f".repeat(51), "Lee", null, null))
                .andExpect(problem(400, "validation", "firstName"));
        postAs(sales, users(), body(upn, "Ann", "l".repeat(51), null, null))
                .andExpect(problem(400, "validation", "lastName"));
        postAs(sales, users(), body(upn, "Ann", "Lee", "d".repeat(257), null))
                .andExpect(problem(400, "validation", "displayName"));
        postAs(sales, users(), body("u".repeat(65) + "@" + domain, "Ann", null, null, null))
                .andExpect(problem(400, "validation", "userPrincipalName"));
        postAs(sales, users(), body("u".repeat(60) + "@" + "d".repeat(50) + domain, "Ann", null, null, null))
                .andExpect(problem(400, "validation", "userPrincipalName"));
        assertThat(usersOf(customer)).isEqualTo(before);

        // exactly at the limits is fine
        postAs(sales, users(), body(upn, "f".repeat(50), "l".repeat(50), "d".repeat(256), null))
                .andExpect(status().isCreated());
        assertThat(usersOf(customer)).isEqualTo(before + 1);
    }

    @Test
    void refusesMalformedOrIncompleteUsers() throws Exception {
        long before = usersOf(customer);

        postAs(sales, users(), "{\"firstName\":\"No\"}").andExpect(problem(400, "validation", "userPrincipalName"));
        postAs(sales, users(), body("no-at-sign", "No", null, null, null))
                .andExpect(problem(400, "validation", "userPrincipalName"));
        postAs(sales, users(), body("two words@" + domain, "No", null, null, null))
                .andExpect(problem(400, "validation", "userPrincipalName"));
        postAs(sales, users(), body("@" + domain, "No", null, null, null))
                .andExpect(problem(400, "validation", "userPrincipalName"));
        postAs(sales, users(), body("nameless@" + domain, null, null, null, null))
                .andExpect(problem(400, "validation", "displayName"));
        postAs(sales, users(), "{\"userPrincipalName\":\"r@" + domain + "\",\"displayName\":\"R\","
                + "\"directoryRole\":\"EMPEROR\"}").andExpect(problem(400, "validation", "directoryRole"));

        assertThat(usersOf(customer)).isEqualTo(before);
    }

    @Test
    void listsUsersPagedInDisplayNameOrder() throws Exception {
        for (String name : new String[] {"Cecil", "Ada", "Bea"}) {
            postAs(sales, users(), body(name.toLowerCase() + "@" + domain, name, null, null, null))
                    .andExpect(status().isCreated());
        }

        getAs(helpdesk, users() + "?size=2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].displayName").value("Ada"))
                .andExpect(jsonPath("$.items[1].displayName").value("Bea"));
        getAs(helpdesk, users() + "?size=2&page=1")
                .andExpect(jsonPath("$.totalCount").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].displayName").value("Cecil"));
        getAs(helpdesk, users() + "?size=2&page=7").andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.totalCount").value(3));
        getAs(helpdesk, users() + "?size=0").andExpect(problem(400, "validation", "size"));
        getAs(helpdesk, users() + "?size=501").andExpect(problem(400, "validation", "size"));
        getAs(helpdesk, users() + "?page=-1").andExpect(problem(400, "validation", "page"));
    }

    @Test
    void aUserIsFoundOnlyThroughItsOwnCustomer() throws Exception {
        // Given a user of another customer
        String otherDomain = unique("other") + ".example";
        String other = createCustomer(sales, "DE", otherDomain);
        String stranger = read(postAs(sales, "/api/v1/customers/" + other + "/users",
                body("gil@" + otherDomain, "Gil", null, null, null)).andExpect(status().isCreated()), "$.id");
        getAs(sales, "/api/v1/customers/" + other + "/users/" + stranger).andExpect(status().isOk());

        // When it is asked for through this customer, Then it does not exist, like an unknown id
        getAs(sales, users() + "/" + stranger).andExpect(problem(404, "not-found"));
        getAs(sales, users() + "/" + UUID.randomUUID()).andExpect(problem(404, "not-found"));
        getAs(sales, users() + "/not-a-uuid").andExpect(problem(404, "not-found"));
        getAs(sales, "/api/v1/customers/" + UUID.randomUUID() + "/users").andExpect(problem(404, "not-found"));
        getAs(sales, "/api/v1/customers/" + UUID.randomUUID() + "/users/" + stranger)
                .andExpect(problem(404, "not-found"));
        postAs(sales, "/api/v1/customers/" + UUID.randomUUID() + "/users", body("x@" + domain, "X", null, null, null))
                .andExpect(problem(404, "not-found"));
        getAs(sales, users()).andExpect(jsonPath("$.totalCount").value(0));
    }
}
