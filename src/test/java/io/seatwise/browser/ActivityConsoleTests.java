package io.seatwise.browser;

import io.seatwise.access.Role;
import io.seatwise.customers.Customer;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The activity log page: only with audit:read; filters, customer names, dates in the request's language. */
@H2Test
class ActivityConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;

    @Test
    void onlyAdminsReadTheLog() throws Exception {
        mvc.perform(get("/activity").with(fixtures.as(Role.SALES))).andExpect(status().isForbidden());
        mvc.perform(get("/activity").with(fixtures.as(Role.HELPDESK))).andExpect(status().isForbidden());
    }

    @Test
    void filtersByCustomerAndShowsItsName() throws Exception {
        Customer customer = fixtures.customerWithE3("Logged", 4);

        mvc.perform(get("/activity").param("customer", customer.id().toString()).with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">" + customer.name() + "</a>"),
                        containsString("Customer created"), containsString("Subscription added"),
                        containsString("Page 1 of 1 · 2 in all"))));
    }

    @Test
    void filtersByActionInTheChosenLanguage() throws Exception {
        Customer customer = fixtures.customerWithE3("Journal", 4);

        mvc.perform(get("/activity").param("customer", customer.id().toString())
                        .param("action", "subscription.added").param("lang", "fr").with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Journal d&#39;activité"),
                        containsString("Abonnement ajouté"), containsString("Page 1 sur 1 · 1 au total"))));
    }

    @Test
    void aMalformedCustomerIdIsShownNextToTheFilter() throws Exception {
        mvc.perform(get("/activity").param("customer", "nope").with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"customer-error\"")));
    }

    @Test
    void htmxPagingGetsOnlyTheTable() throws Exception {
        mvc.perform(get("/activity").param("page", "0").param("size", "10").header("HX-Request", "true")
                        .with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(allOf(startsWith("<div id=\"activity-results\""),
                        not(containsString("<html")))));
    }
}
