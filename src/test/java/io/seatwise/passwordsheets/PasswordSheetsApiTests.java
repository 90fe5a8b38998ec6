package io.seatwise.passwordsheets;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.seatwise.access.Role;
import io.seatwise.imports.UserImportApiSupport;
import io.seatwise.shared.TemporaryPasswords;
import io.seatwise.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The password sheet an import or "Add another user" leaves, through the API: only its owner sees it, it is
 * downloaded once and mailed once in the language asked for, then the passwords are gone; both DBs.
 */
abstract class PasswordSheetsApiTests extends UserImportApiSupport {

    @RegisterExtension
    static TestMailServer mail = new TestMailServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mail.pointMailAtIt(registry);
    }

    @Autowired
    TemporaryPasswords passwords;

    @Test
    void thePasswordSheetIsDownloadedOnceAndMailedOnceThenTheTemporaryPasswordsAreGone() throws Exception {
        String sheet = read(upload(helpdesk, mixedFile(), false), "$.passwordSheetId");
        String url = base() + "/passwordsheets/" + sheet;
        // Only the agent who imported sees it
        getAs(agents.create(Role.HELPDESK), url + "/csv").andExpect(problem(404, "not-found"));

        String csv = mvc.perform(get(url + "/csv").header("Authorization", helpdesk.bearer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFUser name,Display name,Temporary password");
        String[] ann = csv.lines().filter(l -> l.startsWith("ann@")).findFirst().orElseThrow().split(",");
        String stored = jdbc.sql("SELECT password_hash FROM app_user WHERE user_name_key = ?").param("ann@" + domain)
                .query(String.class).single();
        assertThat(passwords.matches(ann[2], stored.substring("{tmp}".length()))).as("the CSV's password signs in")
                .isTrue();
        getAs(helpdesk, url + "/csv").andExpect(problem(409, "passwords-gone"));

        postAs(helpdesk, url + "/email", "{\"to\":\"not an address\"}").andExpect(problem(400, "validation", "to"));
        postAs(helpdesk, url + "/email", "{\"to\":\"it@" + domain + "\"}").andExpect(status().isNoContent());
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("it@" + domain);
        assertThat(received[0].getSubject()).isEqualTo("New user accounts (2)");
        var attachmentPart = ((MimeMultipart) received[0].getContent()).getBodyPart(1);
        String attachment = new String(attachmentPart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(attachment).startsWith("\uFEFFUser name,Display name,Temporary password")
                .contains("ann@" + domain + ",Ann Lee," + ann[2]).contains("bo@" + domain + ",Bo Ek,");
        postAs(helpdesk, url + "/email", "{\"to\":\"it@" + domain + "\"}").andExpect(problem(409, "passwords-gone"));
        assertThat(count("SELECT count(*) FROM password_sheet_entry WHERE sheet_id = ?", UUID.fromString(sheet)))
                .as("both used: the sealed passwords are deleted").isZero();
        assertThat(count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = 'passwords.downloaded'",
                tenant.id().value())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT data FROM activity_log WHERE customer_id = ? AND action = 'passwords.mailed'")
                .param(tenant.id().value()).query(String.class).single()).contains("\"to\":\"it@" + domain + "\"")
                .doesNotContain(ann[2]);
    }

    @Test
    void thePasswordSheetSpeaksTheLanguageAskedFor() throws Exception {
        String sheet = read(upload(helpdesk, mixedFile(), false), "$.passwordSheetId");
        String url = base() + "/passwordsheets/" + sheet;
        String csv = mvc.perform(get(url + "/csv").header("Authorization", helpdesk.bearer())
                        .header("Accept-Language", "sv"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFAnvändarnamn,Visningsnamn,").contains("ann@" + domain);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url + "/email")
                        .header("Authorization", helpdesk.bearer()).header("Accept-Language", "fr")
                        .contentType("application/json").content("{\"to\":\"it@" + domain + "\"}"))
                .andExpect(status().isNoContent());
        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Nouveaux comptes d’utilisateur (2)");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("mots de passe temporaires");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("utilisateurs.csv");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(1))).isNotBlank();
    }

    @Test
    void twoDownloadsAtOnceHandThePasswordsOutOnceWithFormulasNeutralised() throws Exception {
        // A display name Excel would run as a formula
        String sheet = read(upload(helpdesk, ("Display name;User name\n=1+2 Ann;ann@" + domain + "\n")
                .getBytes(StandardCharsets.UTF_8), false), "$.passwordSheetId");
        String url = base() + "/passwordsheets/" + sheet + "/csv";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<
                    org.springframework.mock.web.MockHttpServletResponse>>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> mvc.perform(get(url).header("Authorization", helpdesk.bearer()))
                        .andReturn().getResponse()));
            }
            var statuses = new java.util.ArrayList<Integer>();
            String csv = null;
            for (var answer : answers) {
                var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.getStatus());
                if (response.getStatus() == 200) {
                    csv = response.getContentAsString(StandardCharsets.UTF_8);
                }
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
            assertThat(csv).contains("ann@" + domain + ",'=1+2 Ann,");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addAnotherUserCollectsEveryNewPasswordOnOneSheet() throws Exception {
        var first = postAs(helpdesk, base() + "/users?passwordSheet=new", "{\"userPrincipalName\":\"one@" + domain
                + "\",\"displayName\":\"One\"}").andExpect(status().isCreated());
        String sheet = read(first, "$.passwordSheetId");
        var second = postAs(helpdesk, base() + "/users?passwordSheet=" + sheet, "{\"userPrincipalName\":\"two@"
                + domain + "\",\"displayName\":\"Two\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.passwordSheetId").value(sheet));
        getAs(helpdesk, base() + "/passwordsheets/" + sheet).andExpect(jsonPath("$.entries").value(2));

        String csv = getAs(helpdesk, base() + "/passwordsheets/" + sheet + "/csv").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("one@" + domain + ",One," + read(first, "$.temporaryPassword"))
                .contains("two@" + domain + ",Two," + read(second, "$.temporaryPassword"));

        // A sheet handed out takes no more passwords, and the user is then not created either
        postAs(helpdesk, base() + "/users?passwordSheet=" + sheet, "{\"userPrincipalName\":\"three@" + domain
                + "\",\"displayName\":\"Three\"}").andExpect(problem(409, "sheet-closed", "passwordSheet"));
        postAs(helpdesk, base() + "/users?passwordSheet=nonsense", "{\"userPrincipalName\":\"three@" + domain
                + "\",\"displayName\":\"Three\"}").andExpect(problem(400, "validation", "passwordSheet"));
        postAs(helpdesk, base() + "/users?passwordSheet=" + UUID.randomUUID(), "{\"userPrincipalName\":\"three@"
                + domain + "\",\"displayName\":\"Three\"}").andExpect(problem(404, "not-found"));
        assertThat(users()).isEqualTo(2);
    }
}
