package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.seatwise.access.TestAgents.Signed;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed sign-ins lock the name tried (whether or not such an account exists) after 5 failures, on the token
 * endpoint and the console's form, for agents and customer users: 429 with Retry-After or a message on the sign-in
 * page, the right password refused too, until the lock runs out (5 s in the test profile) or an Admin agent unlocks
 * the agent; other accounts go on; the counts live in the database; locks and unlocks are in the activity log.
 */
abstract class LockoutTests extends ApiTestSupport {

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    AgentService agentService;
    @Autowired
    SignInFailureRepository failures;
    @Autowired
    ApplicationEventPublisher events;

    /** A documentation address (RFC 5737) of its own per test, so that no test's address counts meet another's. */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(114, 256) + "." + random.nextInt(1, 255);
    }

    static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    ResultActions token(String address, String name, String password) throws Exception {
        return mvc.perform(from(address, post("/api/v1/tokens").header("Authorization", basic(name, password))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"laptop\"}")));
    }

    ResultActions signIn(String address, String name, String password) throws Exception {
        return mvc.perform(from(address, post("/login").param("username", name).param("password", password)
                .with(csrf())));
    }

    void failFiveTimes(String address, String name) throws Exception {
        for (int i = 0; i < 5; i++) {
            token(address, name, "wrong-guess-" + i).andExpect(problem(401, "unauthorized"));
        }
    }

    /** The lock's time left, in whole seconds rounded up: at most the 5 s of the test profile's first lock. */
    static ResultMatcher retryAfterAtMost5s() {
        return header().string("Retry-After", matchesPattern("[1-5]"));
    }

    /** The 429's body, its number of seconds left out (it depends on when the lock started). */
    static String lockedBody(ResultActions result) throws Exception {
        return result.andExpect(problem(429, "sign-in-locked")).andExpect(retryAfterAtMost5s())
                .andReturn().getResponse().getContentAsString().replaceAll("[0-9]+ s\\.", "N s.");
    }

    @Test
    void fiveWrongPasswordsLockTheAgentAndEvenTheRightPasswordGets429WithRetryAfter() throws Exception {
        Signed agent = agents.create(Role.SALES);
        String from = address();

        failFiveTimes(from, agent.email());

        String body = token(from, agent.email(), TestAgents.PASSWORD)
                .andExpect(problem(429, "sign-in-locked")).andExpect(retryAfterAtMost5s())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContainIgnoringCase(agent.email()).doesNotContainIgnoringCase("password");
        // Another address does not help: the account is what is locked
        token(address(), agent.email().toUpperCase(), TestAgents.PASSWORD).andExpect(problem(429, "sign-in-locked"));
        assertThat(count("SELECT count(*) FROM api_token WHERE agent_id = ?", agent.agent().id().value()))
                .isEqualTo(1);
    }

    @Test
    void aMissingAccountAndACustomerUserAreLockedAlikeSoTheAnswerTellsNothing() throws Exception {
        Member user = customerUsers.create(customerUsers.tenant(1), DirectoryRole.GLOBAL_ADMIN);
        Member temporary = customerUsers.withTemporaryPassword(customerUsers.tenant(1), DirectoryRole.NONE);
        String missing = unique("nobody-") + "@nowhere.example";
        String from = address();

        // Each checked right after its fifth failure (a first lock lasts 5 s in the test profile)
        failFiveTimes(from, user.userName());
        String forUser = lockedBody(token(from, user.userName(), TestCustomerUsers.PASSWORD));
        failFiveTimes(from, temporary.userName());
        String forTemporary = lockedBody(token(from, temporary.userName(), temporary.temporaryPassword()));
        failFiveTimes(from, missing);
        String forMissing = lockedBody(token(from, missing, "anything-at-all"));

        assertThat(forUser).isEqualTo(forMissing).isEqualTo(forTemporary);
    }

    @Test
    void theConsoleSaysToWaitTheSameWayWhetherOrNotTheAccountExists() throws Exception {
        Member user = customerUsers.create(customerUsers.tenant(1), DirectoryRole.NONE);
        String missing = unique("nobody-") + "@nowhere.example";
        String from = address();
        for (String name : new String[] {user.userName(), missing}) {
            for (int i = 0; i < 5; i++) {
                signIn(from, name, "wrong-guess-" + i).andExpect(redirectedUrl("/login?error"));
            }
            // the right password too (for the account that exists)
            signIn(from, name, TestCustomerUsers.PASSWORD).andExpect(redirectedUrl("/login?locked=1"));
        }
        mvc.perform(get("/login").param("locked", "1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many failed sign-ins. Try again in 1 min.")))
                .andExpect(content().string(not(containsString("not correct"))));
        mvc.perform(get("/login").param("locked", "<b>x</b>")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Too many failed sign-ins"))));
    }

    @Test
    void wrongCurrentPasswordsOnThePasswordPageCountLikeWrongSignInsAndTheOneThatLocksSignsTheSessionOut()
            throws Exception {
        Member user = customerUsers.create(customerUsers.tenant(1), DirectoryRole.NONE);
        String from = address();
        MockHttpSession session = (MockHttpSession) signIn(from, user.userName(), TestCustomerUsers.PASSWORD)
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        for (int i = 0; i < 4; i++) {
            changePassword(from, session, "wrong-guess-" + i).andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("The current password is not correct.")));
        }
        // The fifth wrong one locks the account: signed out, and told to wait
        changePassword(from, session, "wrong-guess-4").andExpect(redirectedUrl("/login?locked=1"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        // The lock is the account's, as after five wrong sign-ins: even the right password is refused
        signIn(address(), user.userName(), TestCustomerUsers.PASSWORD).andExpect(redirectedUrl("/login?locked=1"));
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'access.locked' AND data LIKE ?",
                "%" + user.userName() + "%")).isEqualTo(1);
    }

    ResultActions changePassword(String address, MockHttpSession session, String current) throws Exception {
        return mvc.perform(from(address, post("/account/password").session(session).with(csrf())
                .param("currentPassword", current).param("newPassword", "a-brand-new-passphrase")
                .param("confirmPassword", "a-brand-new-passphrase")));
    }

    @Test
    void theLockRunsOutAfterItsTimeAndTheNextSignInForgetsTheFailures() throws Exception {
        Signed agent = agents.create(Role.HELPDESK);
        String from = address();
        failFiveTimes(from, agent.email());
        long retryAfter = Long.parseLong(token(from, agent.email(), TestAgents.PASSWORD)
                .andExpect(problem(429, "sign-in-locked")).andReturn().getResponse().getHeader("Retry-After"));

        Thread.sleep(retryAfter * 1000 + 200);

        token(from, agent.email(), TestAgents.PASSWORD).andExpect(status().isCreated());
        // The sign-in forgot the five failures: one more wrong password is only a wrong password
        token(from, agent.email(), "wrong-again-1").andExpect(problem(401, "unauthorized"));
        token(from, agent.email(), TestAgents.PASSWORD).andExpect(status().isCreated());
    }

    @Test
    void anAdminAgentUnlocksALockedAgentAndBothAreInTheActivityLog() throws Exception {
        Signed admin = agents.create(Role.ADMIN);
        Signed sales = agents.create(Role.SALES);
        Signed locked = agents.create(Role.SALES);
        String from = address();
        failFiveTimes(from, locked.email());
        String agentUrl = "/api/v1/agents/" + locked.agent().id();

        getAs(admin, "/api/v1/agents")
                .andExpect(jsonPath("$[?(@.email == '" + locked.email() + "')].lockedUntil").value(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.notNullValue())))
                .andExpect(jsonPath("$[?(@.email == '" + sales.email() + "')].lockedUntil").value(
                        org.hamcrest.Matchers.hasItem((Object) null)));
        postAs(sales, agentUrl + "/unlock", "").andExpect(problem(403, "forbidden"));
        token(from, locked.email(), TestAgents.PASSWORD).andExpect(problem(429, "sign-in-locked"));

        postAs(admin, agentUrl + "/unlock", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(locked.email()))
                .andExpect(jsonPath("$.lockedUntil").doesNotExist());

        token(from, locked.email(), TestAgents.PASSWORD).andExpect(status().isCreated());
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'access.locked' AND actor = ?"
                + " AND data LIKE '%\"failures\":5%' AND data LIKE '%\"seconds\":5%'", locked.email())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'access.unlocked' AND actor = ?"
                + " AND data LIKE ?", admin.email(), "%" + locked.email() + "%")).isEqualTo(1);
        // The refused attempt is a failed sign-in of its own: 5 wrong passwords, then one refused by the lock
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                locked.email())).isEqualTo(6);
    }

    @Test
    void theAgentsPageShowsALockedAgentWithAnUnlockButton() throws Exception {
        Signed admin = agents.create(Role.ADMIN);
        Signed locked = agents.create(Role.SALES);
        String from = address();
        failFiveTimes(from, locked.email());
        var asAdmin = user(agentService.loadUserByUsername(admin.email()));

        mvc.perform(get("/agents").with(asAdmin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/agents/" + locked.agent().id() + "/unlock")))
                .andExpect(content().string(not(containsString("/agents/" + admin.agent().id() + "/unlock"))));

        mvc.perform(post("/agents/" + locked.agent().id() + "/unlock").with(asAdmin).with(csrf()))
                .andExpect(redirectedUrl("/agents"));

        mvc.perform(get("/agents").with(asAdmin)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/agents/" + locked.agent().id() + "/unlock"))));
        signIn(from, locked.email(), TestAgents.PASSWORD).andExpect(redirectedUrl("/customers"));
    }

    @Test
    void otherAccountsFromTheSameAddressAreUnaffected() throws Exception {
        Signed locked = agents.create(Role.SALES);
        Signed other = agents.create(Role.SALES);
        Member user = customerUsers.create(customerUsers.tenant(1), DirectoryRole.GLOBAL_ADMIN);
        String from = address();
        failFiveTimes(from, locked.email());

        // Each other sign-in is checked between two refusals of the locked one: it happened during the lock
        token(from, other.email(), TestAgents.PASSWORD).andExpect(status().isCreated());
        token(from, locked.email(), TestAgents.PASSWORD).andExpect(problem(429, "sign-in-locked"));
        token(from, user.userName(), TestCustomerUsers.PASSWORD).andExpect(status().isCreated());
        token(from, locked.email(), TestAgents.PASSWORD).andExpect(problem(429, "sign-in-locked"));
        signIn(from, other.email(), TestAgents.PASSWORD).andExpect(redirectedUrl("/customers"));
        token(from, locked.email(), TestAgents.PASSWORD).andExpect(problem(429, "sign-in-locked"));
    }

    @Test
    void countsLiveInTheDatabaseSoAnotherNodeHonoursThemAndAnAddressHasItsOwnCount() throws Exception {
        Signed agent = agents.create(Role.SALES);
        String from = address();
        failFiveTimes(from, agent.email());
        // Given a second node over the same database, whose addresses wait after 3 failures
        SignInLockout otherNode = new SignInLockout(failures, events,
                new LockoutPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(12)),
                new LockoutPolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)),
                Clock.systemUTC());

        // Then it sees the account's lock (the name as typed in any case), from any address
        assertThat(otherNode.waitFor(agent.email().toUpperCase(), address())).isPresent();

        // And an address that failed 3 times with 3 different names waits, for every name; others do not
        String spraying = address();
        for (int i = 0; i < 3; i++) {
            otherNode.failed(unique("sprayed-") + "@nowhere.example", spraying);
        }
        assertThat(otherNode.waitFor(unique("fresh-"), spraying)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(otherNode.waitFor(unique("fresh-"), address())).isEmpty();
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'access.locked' AND actor = ?"
                + " AND data LIKE '%\"failures\":3%'", spraying)).isEqualTo(1);
    }
}
