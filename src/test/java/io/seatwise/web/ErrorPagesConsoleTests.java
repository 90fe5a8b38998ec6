package io.seatwise.web;

import io.seatwise.access.Role;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Errors in the console are pages in the layout, in the visitor's language. */
@H2Test
class ErrorPagesConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;

    @Test
    void anUnknownCustomerIsTheNotFoundPageInTheLayout() throws Exception {
        mvc.perform(get("/customers/0190f5c2-0000-7000-8000-000000000000").param("lang", "sv")
                        .with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Hittades inte"), containsString("Fel 404"),
                        containsString("Seatwise</a>"), containsString("action=\"/logout\""))));
    }

    @Test
    void aBadPageSizeIsExplained() throws Exception {
        mvc.perform(get("/customers").param("size", "100000").with(fixtures.as(Role.SALES)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The page size must be between 1 and 500.")));
    }
}
