package io.seatwise.customers.web;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.customers.Customer;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import io.seatwise.users.UsersService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The customers pages of the console: list, search, create, a customer's page and Buy more. */
@H2Test
class CustomersConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UsersService users;

    @Test
    void listShowsCustomersWithSearchAndPaging() throws Exception {
        Customer customer = fixtures.customerWithE3("Listed", 5);

        mvc.perform(get("/customers").param("q", customer.name()).with(fixtures.as(Role.SALES)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(customer.name()),
                        containsString("/customers/" + customer.id()),
                        containsString("Page 1 of 1 · 1 in all"),
                        containsString("New customer"))));
    }

    @Test
    void anHtmxSearchGetsOnlyTheResults() throws Exception {
        Customer customer = fixtures.customerWithE3("Fragment", 5);

        mvc.perform(get("/customers").param("q", customer.name()).header("HX-Request", "true")
                        .with(fixtures.as(Role.SALES)))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andExpect(content().string(allOf(startsWith("<div id=\"customer-results\""),
                        containsString(customer.name()), not(containsString("<html")))));
    }

    @Test
    void helpdeskSeesNoNewCustomerForm() throws Exception {
        mvc.perform(get("/customers").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"new-customer\""))));
    }

    @Test
    void createsACustomerAndOpensItsPage() throws Exception {
        String name = ConsoleFixtures.unique("Created ");
        String domain = ConsoleFixtures.unique("created").toLowerCase() + ".example";

        String location = mvc.perform(post("/customers").with(csrf()).with(fixtures.as(Role.SALES))
                        .param("name", name).param("country", "FR").param("domains", domain + "\n\n"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", containsString(name)))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(location).startsWith("/customers/");
        mvc.perform(get(location).with(fixtures.as(Role.SALES)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString(domain),
                        containsString("France"))));
    }

    @Test
    void rejectsABadDomainNextToTheFieldAndCreatesNothing() throws Exception {
        String name = ConsoleFixtures.unique("Rejected ");

        mvc.perform(post("/customers").with(csrf()).with(fixtures.as(Role.SALES))
                        .param("name", name).param("country", "SE").param("domains", "good.example\nnot a domain"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("id=\"domains-error\""),
                        containsString("Line 2: &quot;not a domain&quot; is not a valid domain name"),
                        containsString("value=\"" + name + "\""))));

        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE name = ?").param(name).query(Long.class).single())
                .isZero();
    }

    @Test
    void rejectsAMissingCountryInTheVisitorsLanguage() throws Exception {
        mvc.perform(post("/customers").with(csrf()).with(fixtures.as(Role.SALES)).param("lang", "fr")
                        .param("name", "Sans Pays").param("country", "").param("domains", "sans-pays.example"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"country-error\""),
                        containsString("Choisissez un pays dans la liste."))));
    }

    @Test
    void unknownOrMalformedCustomerIsTheNotFoundPage() throws Exception {
        mvc.perform(get("/customers/0190f5c2-0000-7000-8000-000000000000").with(fixtures.as(Role.SALES)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not found")));
        mvc.perform(get("/customers/not-an-id").with(fixtures.as(Role.SALES)))
                .andExpect(status().isNotFound());
    }

    @Test
    void customerPageListsSubscriptionsWithBuyMore() throws Exception {
        Customer customer = fixtures.customerWithE3("Detail", 7);

        mvc.perform(get("/customers/" + customer.id()).with(fixtures.as(Role.SALES)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(customer.name()),
                        containsString("Microsoft 365 E3"), containsString("SPE_E3"),
                        containsString("/subscriptions/" + ConsoleFixtures.E3 + "/buy-more"),
                        containsString("Add subscription"))));
    }

    @Test
    void buyMoreAsksForConfirmationThenRaisesTheQuantity() throws Exception {
        Customer customer = fixtures.customerWithE3("Buyer", 10);
        String url = "/customers/" + customer.id() + "/subscriptions/" + ConsoleFixtures.E3 + "/buy-more";
        var sales = fixtures.as(Role.SALES);

        mvc.perform(get(url).param("quantity", "5").with(sales))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buy 5 more seats of Microsoft 365 E3? The total will become 15.")));
        assertThat(fixtures.seats(customer)).isEqualTo(10);

        mvc.perform(post(url).param("quantity", "5").with(csrf()).with(sales))
                .andExpect(redirectedUrl("/customers/" + customer.id()))
                .andExpect(flash().attribute("success", "Bought 5 more seats of Microsoft 365 E3. The total is now 15."));
        assertThat(fixtures.seats(customer)).isEqualTo(15);
    }

    @Test
    void buyMoreOfZeroSeatsShowsTheErrorNextToTheQuantity() throws Exception {
        Customer customer = fixtures.customerWithE3("Zero", 10);
        String url = "/customers/" + customer.id() + "/subscriptions/" + ConsoleFixtures.E3 + "/buy-more";

        mvc.perform(post(url).param("quantity", "0").with(csrf()).with(fixtures.as(Role.SALES)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"quantity-error\""),
                        containsString("is-invalid"))));
        assertThat(fixtures.seats(customer)).isEqualTo(10);
    }

    @Test
    void buyMoreOfNoNumberOrTooLargeANumberIsAMessageNotAServerError() throws Exception {
        Customer customer = fixtures.customerWithE3("Typo", 10);
        String url = "/customers/" + customer.id() + "/subscriptions/" + ConsoleFixtures.E3 + "/buy-more";
        var sales = fixtures.as(Role.SALES);
        for (String typed : new String[] {"abc", "99999999999", "1.5", ""}) {
            mvc.perform(get(url).param("quantity", typed).param("returnTo", "/customers").with(sales))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(allOf(containsString("id=\"quantity-error\""),
                            containsString("value=\"/customers\""))));
            mvc.perform(post(url).param("quantity", typed).with(csrf()).with(sales))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("id=\"quantity-error\"")));
        }
        assertThat(fixtures.seats(customer)).isEqualTo(10);
    }

    @Test
    void helpdeskNeitherSeesNorMayUseBuyMore() throws Exception {
        Customer customer = fixtures.customerWithE3("Helpdesk", 10);
        String url = "/customers/" + customer.id() + "/subscriptions/" + ConsoleFixtures.E3 + "/buy-more";
        var helpdesk = fixtures.as(Role.HELPDESK);

        mvc.perform(get("/customers/" + customer.id()).with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Microsoft 365 E3"),
                        not(containsString("/buy-more")), not(containsString("Buy more")),
                        not(containsString("Add subscription")))));
        mvc.perform(get(url).param("quantity", "5").with(helpdesk))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).param("quantity", "5").with(csrf()).with(helpdesk))
                .andExpect(status().isForbidden());
        assertThat(fixtures.seats(customer)).isEqualTo(10);
    }

    @Test
    void addsASubscriptionChosenFromTheCatalogSearch() throws Exception {
        Customer customer = fixtures.customerWithE3("Adder", 1);
        var sales = fixtures.as(Role.SALES);

        mvc.perform(get("/customers/" + customer.id() + "/products").param("productQuery", "Exchange Online (Plan 1)")
                        .header("HX-Request", "true").with(sales))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(startsWith("<div id=\"product-choices\""),
                        containsString("4b9405b0-7788-4568-add1-99614e613b69"))));

        mvc.perform(get("/customers/" + customer.id() + "/products").param("productQuery", "Exchange & co").with(sales))
                .andExpect(redirectedUrl("/customers/" + customer.id() + "?productQuery=Exchange%20%26%20co#add-subscription"));
        mvc.perform(get("/customers/" + customer.id()).param("productQuery", "EXCHANGESTANDARD").with(sales))
                .andExpect(content().string(containsString("value=\"4b9405b0-7788-4568-add1-99614e613b69\"")));

        mvc.perform(post("/customers/" + customer.id() + "/subscriptions").with(csrf()).with(sales)
                        .param("skuId", "4b9405b0-7788-4568-add1-99614e613b69").param("quantity", "3"))
                .andExpect(redirectedUrl("/customers/" + customer.id()));

        mvc.perform(post("/customers/" + customer.id() + "/subscriptions").with(csrf()).with(sales)
                        .param("skuId", ConsoleFixtures.E3.toString()).param("quantity", "3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"skuId-error\""),
                        containsString("already has this product"))));
    }

    @Test
    void usersTabListsTheCustomersUsers() throws Exception {
        Customer empty = fixtures.customerWithE3("No Users", 1);
        Customer customer = fixtures.customerWithE3("Users", 1);
        String domain = customer.domains().get(0);
        SystemActor.run(() -> users.create(customer.id(),
                new NewUser("olga.ivanova@" + domain, "Ольга", "Иванова", null, null, DirectoryRole.USER_ADMIN)));

        mvc.perform(get("/customers/" + empty.id() + "/users").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This customer has no users yet.")));
        mvc.perform(get("/customers/" + customer.id() + "/users").param("lang", "ru").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Пользователи и лицензии"),
                        containsString("Ольга Иванова"), containsString("olga.ivanova@" + domain),
                        containsString("Швеция"), containsString("Администратор управления пользователями"),
                        containsString("Страница 1 из 1 · всего 1"))));
    }
}
