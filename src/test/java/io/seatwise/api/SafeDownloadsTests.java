package io.seatwise.api;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.seatwise.access.AgentService;
import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ExcelSplits;
import io.seatwise.passwordsheets.PasswordSheets;
import io.seatwise.support.TestMailServer;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every CSV file Seatwise hands out, in the console and the API, stays text in Excel whatever its locale's list
 * separator: names holding {@code ;=}, {@code ,=}, tabs, line breaks, quotes and leading {@code = + - @}, put
 * straight into the database (the API refuses some of them now), come out with no cell starting with a formula
 * character and one row per line, split on commas, semicolons or tabs. On H2 and PostgreSQL.
 */
abstract class SafeDownloadsTests extends ApiTestSupport {

    @RegisterExtension
    static TestMailServer mail = new TestMailServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mail.pointMailAtIt(registry);
    }

    static final List<String> NAMES = ExcelSplits.NASTY;

    @Autowired
    LicensingFixture fixture;
    @Autowired
    PasswordSheets sheets;
    @Autowired
    AgentService agentService;

    Signed admin;
    RequestPostProcessor console;
    Tenant tenant;
    String domain;
    List<String> userIds = new ArrayList<>();

    @BeforeEach
    void aCustomerWhoseUsersHaveNastyNames() throws Exception {
        admin = agents.create(Role.ADMIN);
        console = user(agentService.loadUserByUsername(admin.email()));
        tenant = fixture.tenant("SE", LicensingFixture.E3, NAMES.size());
        domain = tenant.domain();
        for (int i = 0; i < NAMES.size(); i++) {
            String id = read(postAs(admin, base() + "/users", "{\"userPrincipalName\":\"u" + i + "@" + domain
                    + "\",\"displayName\":\"User " + i + "\"}").andExpect(status().isCreated()), "$.id");
            userIds.add(id);
            // Past the API's refusal: as a database written before it, or by hand
            jdbc.sql("UPDATE app_user SET display_name = ?, user_principal_name = ? WHERE id = ?")
                    .param(NAMES.get(i)).param(NAMES.get(i) + "@" + domain).param(UUID.fromString(id)).update();
        }
        jdbc.sql("UPDATE customer SET name = ? WHERE id = ?").param("x;=cmd|' /C calc'!A0;\r\n=1")
                .param(tenant.id().value()).update();
    }

    String base() {
        return "/api/v1/customers/" + tenant.id();
    }

    static String text(ResultActions result) throws Exception {
        return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void licenseChangeResultsStayTextInTheApiAndTheConsole() throws Exception {
        StringBuilder ids = new StringBuilder();
        for (String id : userIds) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        String change = read(postAs(admin, base() + "/licenseupdates", "{\"userIds\":[" + ids + "],"
                + "\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}").andExpect(status().isOk()), "$.id");

        ExcelSplits.assertStaysText(text(getAs(admin, base() + "/licensechanges/" + change + "/results.csv")),
                1 + NAMES.size());
        for (String lang : List.of("en", "fr")) {
            ExcelSplits.assertStaysText(text(mvc.perform(get("/customers/" + tenant.id() + "/licensechanges/"
                    + change + "/results.csv").param("lang", lang).with(console))), 1 + NAMES.size());
        }
    }

    @Test
    void passwordSheetsStayTextDownloadedAndMailedInTheApiAndTheConsole() throws Exception {
        List<PasswordSheets.Entry> entries = new ArrayList<>();
        for (String name : NAMES) {
            entries.add(new PasswordSheets.Entry(name + "@" + domain, name, "Abcde-fghij-kmnpq-rstuv"));
        }
        UUID viaApi = agents.as(admin, () -> {
            UUID sheet = sheets.open(tenant.id());
            sheets.add(tenant.id(), sheet, entries);
            return sheet;
        });
        UUID viaConsole = agents.as(admin, () -> {
            UUID sheet = sheets.open(tenant.id());
            sheets.add(tenant.id(), sheet, entries);
            return sheet;
        });

        String url = base() + "/passwordsheets/" + viaApi;
        ExcelSplits.assertStaysText(text(getAs(admin, url + "/csv")), 1 + NAMES.size());
        postAs(admin, url + "/email", "{\"to\":\"it@" + domain + "\"}").andExpect(status().isNoContent());
        var attachment = ((MimeMultipart) mail.getReceivedMessages()[0].getContent()).getBodyPart(1);
        ExcelSplits.assertStaysText(new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                1 + NAMES.size());

        ExcelSplits.assertStaysText(text(mvc.perform(post("/customers/" + tenant.id() + "/users/sheets/"
                + viaConsole + "/csv").param("lang", "sv").with(console).with(csrf()))), 1 + NAMES.size());
    }

    @Test
    void theActivityExportStaysText() throws Exception {
        for (String name : NAMES) {
            jdbc.sql("INSERT INTO activity_log (id, occurred_at, actor, customer_id, action, details) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .param(UUID.randomUUID()).param(Timestamp.from(Instant.now())).param(name)
                    .param(tenant.id().value()).param("user.updated").param("displayName: " + name + " -> " + name)
                    .update();
        }
        long lines = count("SELECT count(*) FROM activity_log WHERE customer_id = ?", tenant.id().value());

        for (String lang : List.of("en", "ru")) {
            ExcelSplits.assertStaysText(text(mvc.perform(get("/activity/export.csv")
                    .param("customer", tenant.id().toString()).param("lang", lang).with(console))), 1 + (int) lines);
        }
    }

    @Test
    void theImportTemplateStaysTextInEveryLanguage() throws Exception {
        for (String lang : List.of("en", "fr", "ru", "sv", "zh-CN")) {
            ExcelSplits.assertStaysText(text(mvc.perform(get(base() + "/users/import/template")
                    .header("Authorization", admin.bearer()).header("Accept-Language", lang))), 2);
            ExcelSplits.assertStaysText(text(mvc.perform(get("/customers/" + tenant.id() + "/users/import/template")
                    .param("lang", lang).with(console))), 2);
        }
    }
}
