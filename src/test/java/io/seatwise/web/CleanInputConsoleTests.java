package io.seatwise.web;

import java.nio.charset.StandardCharsets;

import io.seatwise.access.Role;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.ConsoleTestSupport;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Clean text in the console: a control, bidirectional or zero-width character is refused with a message next to
 * its field, in the console's language, and nothing is stored; the import report gives its line and reason; an
 * upload's file name with NUL or over 255 characters is refused.
 */
@H2Test
class CleanInputConsoleTests extends ConsoleTestSupport {

    static final String[] REFUSED = {"\u0000", "\u001b", "\r", "\n", "\u0085", "\u202e", "\u2066", "\u200b",
        "\u2060", "\ufeff"};

    Tenant t;
    RequestPostProcessor sales;

    @BeforeEach
    void givenACustomer() {
        t = licensing.tenant("SE", E3, 1);
        sales = fixtures.as(Role.SALES);
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /**
     * This test's customer's users: a count of all users could change meanwhile through another test class's
     * background job (an import queued in the shared context); it once saw 3 more.
     */
    long users() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single();
    }

    @Test
    void addUserShowsTheRefusalNextToTheFieldAndCreatesNobody() throws Exception {
        long users = users();
        for (String c : REFUSED) {
            for (String field : new String[] {"firstName", "lastName", "displayName", "localPart"}) {
                mvc.perform(post("/customers/" + t.id() + "/users/new").with(sales).with(csrf())
                                .param("firstName", "Ann").param("localPart", "ann").param("domain", t.domain())
                                .param("usageLocation", "SE").param("directoryRole", "NONE")
                                .param(field, "a" + c + "b"))
                        .andExpect(status().isUnprocessableContent())
                        .andExpect(content().string(allOf(containsString("id=\"" + field + "-error\""),
                                containsString("Remove the invisible or control characters"))));
            }
        }
        // In the console's language
        mvc.perform(post("/customers/" + t.id() + "/users/new").param("lang", "fr").with(sales).with(csrf())
                        .param("displayName", "ev\u202eil").param("localPart", "eve").param("domain", t.domain()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"displayName-error\""),
                        containsString("Supprimez les caractères invisibles"))));
        assertThat(users()).isEqualTo(users);
    }

    @Test
    void newCustomerShowsTheRefusalNextToTheFieldAndCreatesNothing() throws Exception {
        long customers = count("customer");
        for (String c : REFUSED) {
            mvc.perform(post("/customers").with(csrf()).with(sales).param("name", "Contoso" + c + "Ltd")
                            .param("country", "FR").param("domains", ConsoleFixtures.unique("c") + ".example"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(allOf(containsString("id=\"name-error\""),
                            containsString("Remove the invisible or control characters"))));
            if ("\r\n\u0085".contains(c)) {
                continue; // one domain a line: a line break starts the next domain
            }
            mvc.perform(post("/customers").with(csrf()).with(sales).param("name", ConsoleFixtures.unique("C"))
                            .param("country", "FR").param("domains", ConsoleFixtures.unique("c") + ".example\nx" + c
                                    + "y.example"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(allOf(containsString("id=\"domains-error\""),
                            containsString("Line 2: remove the invisible or control characters"))));
        }
        assertThat(count("customer")).isEqualTo(customers);
    }

    @Test
    void theImportReportGivesTheLineAndReasonAndAFileNameWithNulIsRefused() throws Exception {
        String base = "/customers/" + t.id() + "/users/import";
        byte[] file = ("Display name;User name\nAnn;ann@" + t.domain() + "\nBo\u202e;bo@" + t.domain() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(base).file(new MockMultipartFile("file", "users.csv", "text/csv", file))
                        .with(sales).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The value contains an invisible or control "
                        + "character"), containsString("<td>3</td>"))));

        long users = users();
        for (String name : new String[] {"users\u0000.csv", "x".repeat(256)}) {
            mvc.perform(multipart(base).file(new MockMultipartFile("file", name, "text/csv", file))
                            .with(sales).with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(allOf(containsString("id=\"file-error\""),
                            containsString("The file name is not allowed"))));
        }
        assertThat(users()).isEqualTo(users);
    }
}
