package io.seatwise.audit;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.access.AccessEvents;
import io.seatwise.access.AgentId;
import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerEvents;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicensingEvents;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserEvents;
import io.seatwise.users.UserId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activity log speaks the reader's language: every action the application logs reads as words on the console's
 * page and in its CSV export, with no {@code key=value} text and no Java class names; lines logged before the
 * details were structured read the same way.
 */
abstract class ActivityInWordsTests extends ApiTestSupport {

    /** What must never reach a person: a key=value pair, an exception's or package's name, an unfilled argument. */
    private static final Pattern JAVA = Pattern.compile("\\w=\\S|Exception|io\\.seatwise|\\{\\w*}|\\bnull\\b");
    private static final Pattern DETAILS_CELL = Pattern.compile("<td class=\"small sw-details[^\"]*\">(.*?)</td>",
            Pattern.DOTALL);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    ActivityRepository repository;

    RequestPostProcessor admin;
    /** Every line of a test is logged by (or about) this name, so a filter on it finds exactly them. */
    String actor;
    Customer customer;

    @BeforeEach
    void given() {
        admin = fixtures.as(Role.ADMIN);
        actor = unique("words-") + "@partner.example";
        customer = fixtures.customerWithE3("Words", 4);
    }

    /** Logs one line of every action the application records, through the recorder, as the actor. */
    void logEveryAction() {
        CustomerId c = customer.id();
        SkuId e3 = SkuId.of(E3);
        UserId ann = new UserId(UUID.randomUUID());
        List<Object> all = List.of(
                new CustomerEvents.CustomerCreated(c, "Contoso", "SE", List.of("contoso.example", "contoso.se")),
                new CustomerEvents.SubscriptionAdded(c, e3, "SPE_E3", 25),
                new CustomerEvents.SeatsChanged(c, e3, "SPE_E3", 25, 32),
                new CustomerEvents.SeatsChanged(c, e3, "SPE_E3", 32, 30),
                new UserEvents.UserCreated(c, ann, "ann@contoso.example"),
                new io.seatwise.imports.UsersImported(c, 40, 2, 38),
                new UserEvents.UserUpdated(c, ann, "ann@contoso.example", List.of(
                        new UserEvents.FieldChange("displayName", "Ann", "Ann Lee"),
                        new UserEvents.FieldChange("usageLocation", null, "NO"),
                        new UserEvents.FieldChange("directoryRole", DirectoryRole.NONE, DirectoryRole.USER_ADMIN),
                        new UserEvents.FieldChange("signInBlocked", false, true))),
                new UserEvents.PasswordReset(c, ann, "ann@contoso.example"),
                new UserEvents.UserDeleted(c, ann, "ann@contoso.example", 2),
                new UserEvents.UsersRestored(c, 3, 2, 1, 4, 1),
                new io.seatwise.passwordsheets.PasswordsHandedOut(c, UUID.randomUUID(), 12, null),
                new io.seatwise.passwordsheets.PasswordsHandedOut(c, UUID.randomUUID(), 1, "it@contoso.example"),
                new UserEvents.UsersPurged(c, 5),
                new LicensingEvents.LicensesChanged(c, UUID.randomUUID(), "APPLY", 3, 2, 1,
                        List.of(new LicensingEvents.ProductCount(e3, "SPE_E3", 2, 0))),
                new LicensingEvents.LicensesChanged(c, UUID.randomUUID(), "UNDO", 2, 2, 0,
                        List.of(new LicensingEvents.ProductCount(e3, "SPE_E3", 0, 2))),
                new AccessEvents.AgentInvited(new AgentId(UUID.randomUUID()), "new@partner.example", Role.HELPDESK),
                new AccessEvents.AgentChanged(new AgentId(UUID.randomUUID()), "new@partner.example", Role.SALES,
                        false),
                new AccessEvents.PasswordChanged(new AgentId(UUID.randomUUID()), actor),
                new AccessEvents.ApiTokenChanged(new AgentId(UUID.randomUUID()), actor, "ci", false, null),
                new AccessEvents.ApiTokenChanged(null, "ann@contoso.example", "sync", true, c),
                new AccessEvents.CustomerUserPasswordChanged(c, ann, "ann@contoso.example"),
                new io.seatwise.provisioning.ScimLicensesFailed(c, ann, "ann@contoso.example", List.of(
                        new io.seatwise.provisioning.ScimLicensesFailed.Failure("SPE_E3", "CountViolation"),
                        new io.seatwise.provisioning.ScimLicensesFailed.Failure("NO_SUCH", "CountViolation"))),
                new io.seatwise.provisioning.ScimUserProfileChanged(c, ann, "ann@contoso.example", List.of(
                        new io.seatwise.provisioning.ScimUserProfileChanged.Change("userType", null, "Contractor"),
                        new io.seatwise.provisioning.ScimUserProfileChanged.Change("department", "Sales", "Nordics"),
                        new io.seatwise.provisioning.ScimUserProfileChanged.Change("emails", "ann@home.example (home)",
                                null))));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(actor, "n/a", "x"));
        try {
            transactions.executeWithoutResult(tx -> all.forEach(events::publishEvent));
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (AuthenticationException e : List.of(new BadCredentialsException("Bad credentials"),
                new LockedException("locked"), new DisabledException("disabled"),
                new CredentialsExpiredException("expired"), new AccountExpiredException("expired"))) {
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    new TestingAuthenticationToken(actor, "wrong"), e));
        }
    }

    /** The details column of the console's page, as the reader sees it. */
    List<String> pageDetails(String lang, String filter, String value) throws Exception {
        String html = mvc.perform(get("/activity").param(filter, value).param("size", "100").param("lang", lang)
                .with(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> cells = new ArrayList<>();
        Matcher m = DETAILS_CELL.matcher(html);
        while (m.find()) {
            cells.add(HtmlUtils.htmlUnescape(m.group(1)).strip());
        }
        return cells;
    }

    List<CSVRecord> csv(String lang, String filter, String value) throws Exception {
        String text = mvc.perform(get("/activity/export.csv").param(filter, value).param("lang", lang).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    static void assertWords(List<String> texts) {
        assertThat(texts).allSatisfy(t -> assertThat(t).isNotBlank().doesNotContainPattern(JAVA));
    }

    @Test
    void everyLoggedActionReadsAsWordsOnThePageAndInTheExport() throws Exception {
        logEveryAction();
        int lines = 28;

        for (String lang : List.of("en", "fr", "ru", "zh-CN", "sv")) {
            List<String> page = pageDetails(lang, "actor", actor);
            assertThat(page).as(lang).hasSize(lines);
            assertWords(page);
            List<CSVRecord> rows = csv(lang, "actor", actor);
            assertThat(rows).as(lang).hasSize(lines);
            // Actions by their names, not their codes; details as on the page (the CSV marks a leading sign)
            assertThat(rows).allSatisfy(r -> assertThat(r.get(4)).doesNotContain(".").doesNotContainPattern(JAVA));
            assertWords(rows.stream().map(r -> r.get(5)).toList());
            assertThat(rows.stream().map(r -> r.get(5).replaceFirst("^'", "")).toList())
                    .containsExactlyElementsOf(page);
        }

        assertThat(pageDetails("en", "actor", actor)).contains(
                "Created the customer Contoso in Sweden with the domains contoso.example, contoso.se",
                "Subscribed to Microsoft 365 E3 with 25 seats",
                "Bought 7 more seats of Microsoft 365 E3 (now 32)",
                "Reduced Microsoft 365 E3 by 2 seats (now 30)",
                "Imported 40 users from a file (2 rows rejected, 38 licensed)",
                "Edited ann@contoso.example: Display name: Ann → Ann Lee; Usage location: none → Norway; "
                        + "Directory role: None → User management admin; Sign-in blocked: no → yes",
                "Deleted ann@contoso.example (2 licenses suspended)",
                "Sent the temporary passwords of 1 user to it@contoso.example",
                "Changed the licenses of 2 of 3 users (1 failed); seats: Microsoft 365 E3 +2 −0",
                "Invited new@partner.example as Helpdesk",
                "new@partner.example: Sales, disabled",
                "Created the API token “ci” for " + actor,
                "Sign-in failed: wrong password (or no such account)",
                "Sign-in failed: account locked",
                "Sign-in failed: account disabled or sign-in blocked",
                "Sign-in failed: temporary password expired",
                "Provisioning could not give ann@contoso.example 2 licenses: SPE_E3: CountViolation, "
                        + "NO_SUCH: CountViolation",
                "Provisioning changed ann@contoso.example: User type: none → Contractor; Department: Sales → Nordics;"
                        + " Emails: ann@home.example (home) → none");
        assertThat(pageDetails("fr", "actor", actor)).contains(
                "Client Contoso créé (Suède), domaines : contoso.example, contoso.se",
                "7 licences achetées en plus pour Microsoft 365 E3 (désormais 32)",
                "Échec de connexion : mot de passe incorrect (ou compte inconnu)");
        assertThat(pageDetails("ru", "actor", actor)).contains("Докуплено мест для Microsoft 365 E3: 7 (теперь 32)",
                "Неудачный вход: неверный пароль (или такой учётной записи нет)");
        assertThat(pageDetails("zh-CN", "actor", actor)).contains("为 Microsoft 365 E3 增购 7 个席位（现共 32 个）");
        assertThat(pageDetails("sv", "actor", actor)).contains("Köpte 7 platser till av Microsoft 365 E3 (nu 32)",
                "Provisioneringen ändrade ann@contoso.example: Användartyp: ingen → Contractor; Avdelning: Sales → Nordics;"
                        + " E-postadresser: ann@home.example (home) → ingen");
    }

    @Test
    void theApiKeepsTheDetailsAsAnObject() throws Exception {
        logEveryAction();
        String token = agents.create(Role.ADMIN).bearer();

        mvc.perform(get("/api/v1/activity").param("actor", actor).param("action", "subscription.seats-changed")
                        .header("Authorization", token))
                .andExpect(jsonPath("$.totalCount").value(2))
                .andExpect(jsonPath("$.items[1].details.skuId").value(E3))
                .andExpect(jsonPath("$.items[1].details.sku").value("SPE_E3"))
                .andExpect(jsonPath("$.items[1].details.previous").value(25))
                .andExpect(jsonPath("$.items[1].details.quantity").value(32));
        mvc.perform(get("/api/v1/activity").param("actor", actor).param("action", "user.updated")
                        .header("Authorization", token))
                .andExpect(jsonPath("$.items[0].details.user").value("ann@contoso.example"))
                .andExpect(jsonPath("$.items[0].details.changes[1].field").value("usageLocation"))
                .andExpect(jsonPath("$.items[0].details.changes[1].before").doesNotExist())
                .andExpect(jsonPath("$.items[0].details.changes[1].after").value("NO"))
                .andExpect(jsonPath("$.items[0].details.changes[3].after").value(true));
        mvc.perform(get("/api/v1/activity").param("actor", actor).param("action", "signin.failed")
                        .header("Authorization", token))
                .andExpect(jsonPath("$.totalCount").value(5))
                .andExpect(jsonPath("$.items[4].details.user").value(actor))
                .andExpect(jsonPath("$.items[4].details.reason").value("wrong-password"));
        // "Details contain" finds values, not field names
        mvc.perform(get("/api/v1/activity").param("actor", actor).param("search", "it@contoso.example")
                .header("Authorization", token)).andExpect(jsonPath("$.totalCount").value(1));
        mvc.perform(get("/api/v1/activity").param("actor", actor).param("search", "reason")
                .header("Authorization", token)).andExpect(jsonPath("$.totalCount").value(0));
    }

    @Test
    void linesLoggedBeforeAsKeyValueTextStillRead() throws Exception {
        // Given lines as the log wrote them before V17: key=value text, no structured data
        String user = "bo@" + unique("old") + ".example";
        String[][] old = {
                {"signin.failed", "user=" + user + "; reason=BadCredentialsException"},
                {"subscription.seats-changed", "sku=SPE_E3 (" + E3 + "); quantity 25 -> 32 (+7)"},
                {"user.updated", "user=" + user + " (" + UUID.randomUUID() + "); displayName Bo -> Bo Ek; "
                        + "usageLocation SE -> NO; signInBlocked false -> true"},
                {"users.restored", "requested=3; restored=2; failed=1; licenses restored=4; licenses not restored=1"},
                {"licenses.changed", "change=" + UUID.randomUUID() + "; users=3; succeeded=2; failed=1; products: "
                        + "SPE_E3 +2/-0, EMS +1/-1"},
                {"customer.created", "name=Old Co; country=SE; domains=" + user.substring(3) + ",old.example"},
                {"agent.changed", "agent=" + user + "; role=SALES; enabled=false"},
                {"token.created", "agent=" + user + "; token=ci"},
                {"passwords.mailed", "sheet=" + UUID.randomUUID() + "; users=12; to=it@old.example"},
                {"user.deleted", "user=" + user + " (" + UUID.randomUUID() + "); licenses suspended=2"}};
        Instant at = Instant.now();
        for (String[] line : old) {
            at = at.plusMillis(1);
            jdbc.sql("INSERT INTO activity_log (id, occurred_at, actor, customer_id, action, details) "
                    + "VALUES (?, ?, ?, ?, ?, ?)").param(UUID.randomUUID()).param(Timestamp.from(at)).param(actor)
                    .param(customer.id().value()).param(line[0]).param(line[1]).update();
        }

        // Then the page puts them in words in any language
        List<String> english = pageDetails("en", "actor", actor);
        assertWords(english);
        assertThat(english).contains(
                "Sign-in failed: wrong password (or no such account)",
                "Bought 7 more seats of Microsoft 365 E3 (now 32)",
                "Edited " + user + ": Display name: Bo → Bo Ek; Usage location: Sweden → Norway; "
                        + "Sign-in blocked: no → yes",
                "Restored 2 of 3 users (1 could not be); licenses: 4 restored, 1 not restored",
                "Changed the licenses of 2 of 3 users (1 failed); seats: SPE_E3 +2 −0, EMS +1 −1",
                "Created the customer Old Co in Sweden with the domains " + user.substring(3) + ", old.example",
                user + ": Sales, disabled",
                "Created the API token “ci” for " + user,
                "Sent the temporary passwords of 12 users to it@old.example",
                "Deleted " + user + " (2 licenses suspended)");
        assertWords(pageDetails("sv", "actor", actor));
        assertWords(csv("fr", "actor", actor).stream().map(r -> r.get(5)).toList());
        // And the API reads them as objects too
        mvc.perform(get("/api/v1/activity").param("actor", actor).param("action", "signin.failed")
                        .header("Authorization", agents.create(Role.ADMIN).bearer()))
                .andExpect(jsonPath("$.items[0].details.user").value(user))
                .andExpect(jsonPath("$.items[0].details.reason").value("wrong-password"));
        mvc.perform(get("/api/v1/activity").param("actor", actor).param("action", "subscription.seats-changed")
                        .header("Authorization", agents.create(Role.ADMIN).bearer()))
                .andExpect(jsonPath("$.items[0].details.skuId").value(E3))
                .andExpect(jsonPath("$.items[0].details.previous").value(25))
                .andExpect(jsonPath("$.items[0].details.quantity").value(32));
    }

    @Test
    void lockoutsAndActionsWithNoMessageReadAsLabelledFields() throws Exception {
        // Lockouts (recorded by the brute-force defence) and an action the bundles have no words for yet
        transactions.executeWithoutResult(tx -> {
            repository.insert(actor, null, "access.locked",
                    ActivityDetails.of("user", actor, "minutes", 15, "failures", 5));
            repository.insert(actor, null, "access.unlocked", ActivityDetails.of("agent", actor));
            repository.insert(actor, null, "mfa.reset-someday", ActivityDetails.of("agent", actor,
                    "recoveryCodes", 10, "required", true, "skuId", E3, "country", "FR"));
        });

        List<String> english = pageDetails("en", "actor", actor);
        assertThat(english).containsExactly(
                "Agent: " + actor + "; Recovery codes: 10; Required: yes; Product: Microsoft 365 E3; Country: France",
                actor + " can sign in again",
                "Locked for 15 minutes after 5 failed sign-ins");
        assertThat(pageDetails("fr", "actor", actor)).containsExactly(
                "Agent : " + actor + "; Recovery codes : 10; Required : oui; Produit : Microsoft 365 E3; Pays : France",
                actor + " peut de nouveau se connecter",
                "Verrouillé 15 minutes après 5 échecs de connexion");
        assertThat(csv("en", "actor", actor)).extracting(r -> r.get(4))
                .containsExactly("mfa.reset-someday", "Account unlocked", "Account locked");
    }
}
