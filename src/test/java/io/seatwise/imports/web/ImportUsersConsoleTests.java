package io.seatwise.imports.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import io.seatwise.access.Role;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleTestSupport;
import io.seatwise.support.H2Test;
import io.seatwise.support.Polling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Import users in the console: template, validation report in words, creation in the background, tenants apart. */
@H2Test
class ImportUsersConsoleTests extends ConsoleTestSupport {

    @Autowired
    io.seatwise.imports.ImportSlots slots;

    Tenant t;
    RequestPostProcessor helpdesk;
    String base;

    @BeforeEach
    void givenACustomer() {
        t = licensing.tenant("SE", E3, 1);
        helpdesk = fixtures.as(Role.HELPDESK);
        base = "/customers/" + t.id() + "/users/import";
    }

    long users() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single();
    }

    MockMultipartFile file(String text) {
        return new MockMultipartFile("file", "users.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    String mixed() {
        return "First name;Last name;Display name;User name;Usage location;Licenses\n"
                + "Ann;Lee;Ann Lee;ann@" + t.domain() + ";NO;spe_e3\n"
                + "Bo;Ek;;bo@" + t.domain() + ";;SPE_E3\n"
                + ";;;carl@" + t.domain() + ";SE;\n"
                + "Dan;Do;Dan Do;dan@elsewhere.example;SE;\n"
                + "Eve;Ek;Eve;eve@" + t.domain() + ";XX;\n";
    }

    @Test
    void theTemplateIsInTheConsolesLanguage() throws Exception {
        mvc.perform(get(base + "/template").param("lang", "fr").with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("users-template.csv")))
                .andExpect(content().string(containsString("Prénom")));
    }

    @Test
    void aFileWithBadRowsIsReportedThenItsValidRowsAreCreated() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(multipart(base).file(file(mixed())).with(helpdesk).with(csrf()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rows: 5. Valid: 2. Refused: 3."),
                        containsString("<td>4</td>"), containsString("A required field is empty."),
                        containsString("The domain is not one of the customer’s domains."),
                        containsString("The usage location is not a country code"),
                        containsString("Create 2 valid users"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(users()).isZero();

        String action = page.replaceAll("(?s).*action=\"([^\"]*/create)\".*", "$1");
        String job = mvc.perform(post(action).with(helpdesk).with(csrf()).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith(base + "/jobs/");
        // A second "Create" of the same file (a double click) leads to the same run, not to a second one or a 404.
        mvc.perform(post(action).with(helpdesk).with(csrf()).session(session))
                .andExpect(redirectedUrl(job));
        String sheet = Polling.atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(get(job).with(helpdesk)
                .session(session)).andReturn().getResponse().getRedirectedUrl(), Objects::nonNull);
        assertThat(sheet).contains("/users/sheets/");
        // The progress htmx polls sends it on to the job's page once the run is over.
        mvc.perform(get(job + "/progress").header("HX-Request", "true").with(helpdesk).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", job))
                .andExpect(content().string(allOf(containsString("id=\"import-progress\""),
                        org.hamcrest.Matchers.not(containsString("hx-trigger")))));
        mvc.perform(get(sheet).with(helpdesk).session(session))
                .andExpect(content().string(allOf(containsString("ann@" + t.domain()), containsString("bo@"),
                        containsString("2 users were imported. Licenses assigned: 1; not assigned: 1."),
                        containsString("Microsoft 365 E3: Not enough licenses available."))));
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void aFileThatCannotBeReadIsAMessageNextToTheFile() throws Exception {
        mvc.perform(multipart(base).file(file("Name;Mail\nAnn;ann@" + t.domain() + "\n")).with(helpdesk)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"file-error\""),
                        containsString("The file cannot be read (line 1)"))));
        mvc.perform(multipart(base).with(helpdesk).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose a CSV file to upload.")));
        assertThat(users()).isZero();
    }

    @Test
    void anotherCustomerOrAnotherAgentFindsNothing() throws Exception {
        String page = mvc.perform(multipart(base).file(file(mixed())).with(helpdesk).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        String action = page.replaceAll("(?s).*action=\"([^\"]*/create)\".*", "$1");
        mvc.perform(post(action).with(fixtures.as(Role.HELPDESK)).with(csrf())).andExpect(status().isNotFound());
        Tenant other = licensing.tenant("SE", E3, 1);
        mvc.perform(post(action.replace(t.id().toString(), other.id().toString())).with(helpdesk).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/00000000-0000-7000-8000-000000000000/users/import").with(helpdesk))
                .andExpect(status().isNotFound());
        assertThat(users()).isZero();
    }

    @Test
    void aThirdImportAtOnceIsSaidNextToTheFieldInTheConsolesLanguageAndCreatesNobody() throws Exception {
        // Given two imports of the customer running
        try (var a = slots.take(t.id()); var b = slots.take(t.id())) {
            // When a third file is uploaded in French
            mvc.perform(multipart(base).file(file(mixed())).param("lang", "fr").with(helpdesk).with(csrf()))
                    // Then it is refused (429, when to try again) next to the file field, apostrophes intact
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(content().string(allOf(containsString("id=\"file-error\""),
                            containsString("autant d&#39;importations en cours qu&#39;il est permis"))));
        }
        assertThat(users()).isZero();
    }

    @Test
    void theImportPageStatesTheUploadLimitAndGivesItToTheFileField() throws Exception {
        mvc.perform(get(base).with(helpdesk))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-max-bytes=\"52428800\""),
                        containsString("At most 50 MB per file"),
                        containsString("The file is larger than the 50 MB an import accepts"))));
    }
}
