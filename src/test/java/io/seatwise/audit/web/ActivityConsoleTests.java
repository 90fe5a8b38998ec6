package io.seatwise.audit.web;

import io.seatwise.access.Role;
import io.seatwise.customers.Customer;
import io.seatwise.support.ConsoleFixtures;
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

    @Test
    void filtersByCustomerNameAndDays() throws Exception {
        Customer customer = fixtures.customerWithE3("Dated", 4);
        String today = java.time.LocalDate.now().toString();
        String tomorrow = java.time.LocalDate.now().plusDays(1).toString();

        mvc.perform(get("/activity").param("customer", customer.name().toUpperCase()).param("from", today)
                        .param("to", today).with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Customer created"),
                        containsString("Page 1 of 1 · 2 in all"))));
        mvc.perform(get("/activity").param("customer", customer.id().toString()).param("from", tomorrow)
                        .with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(containsString("No entry matches the filters.")));
    }

    @Test
    void badDatesAndUnknownCustomersAreShownNextToTheirFields() throws Exception {
        mvc.perform(get("/activity").param("from", "2026-13-40").param("to", "soon").with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"from-error\""),
                        containsString("id=\"to-error\""), containsString("Enter a date as 2026-11-21."))));
        mvc.perform(get("/activity").param("from", "2026-11-21").param("to", "2026-11-20")
                        .with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(containsString("The end date comes before the start date.")));
        mvc.perform(get("/activity").param("customer", "No such customer " + java.util.UUID.randomUUID())
                        .with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(allOf(containsString("id=\"customer-error\""),
                        containsString("No customer is called"))));
        // An export with a mistake shows the page with the message, not a file.
        mvc.perform(get("/activity/export.csv").param("from", "yesterday").with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("id=\"from-error\"")));
    }

    @Test
    void exportsTheFilteredLinesAsCsvForExcel() throws Exception {
        Customer customer = fixtures.customerWithE3("=Exported", 4);

        byte[] body = mvc.perform(get("/activity/export.csv").param("customer", customer.id().toString())
                        .param("lang", "fr").with(fixtures.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, java.nio.charset.StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThat(csv).startsWith("\uFEFFQuand (UTC),Auteur,");
        var rows = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.substring(1))).getRecords();
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(rows).extracting(r -> r.get(4))
                .containsExactly("Abonnement ajouté", "Client créé");
        org.assertj.core.api.Assertions.assertThat(rows).allSatisfy(r -> {
            org.assertj.core.api.Assertions.assertThat(r.get(2)).isEqualTo(customer.id().toString());
            org.assertj.core.api.Assertions.assertThat(r.get(3)).isEqualTo("'" + customer.name());
        });
        mvc.perform(get("/activity/export.csv").with(fixtures.as(Role.SALES))).andExpect(status().isForbidden());
    }
}
