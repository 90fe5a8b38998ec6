package io.seatwise.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.seatwise.access.TestAgents.Signed;
import io.seatwise.shared.SqlDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rate limits: a flood is refused with 429 and its budget's headers while a quiet client is served; per token, per
 * source address before sign-in (before any password is checked), per signed-in person in the console; the budget
 * lives in the database, so another node sees what this one spent. Small budgets over an hour, so that nothing
 * refills while a test runs (one request every 12 minutes).
 */
@TestPropertySource(properties = {
        "seatwise.limits.per-token.requests=5", "seatwise.limits.per-token.period=1h",
        "seatwise.limits.per-address.requests=4", "seatwise.limits.per-address.period=1h",
        "seatwise.limits.per-person.requests=6", "seatwise.limits.per-person.period=1h"})
abstract class RateLimitsTests extends ApiTestSupport {

    @Autowired
    DataSource dataSource;
    @Autowired
    SqlDialect dialect;
    @Autowired
    RateLimiter limiter;
    @Autowired
    AgentService agentService;

    /** A documentation address (RFC 5737) of its own per test, so that the tests' budgets never meet. */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void aFloodFromOneTokenIsRefusedWhileAnotherTokenIsServed() throws Exception {
        Signed flooding = agents.create(Role.SALES);
        Signed quiet = agents.create(Role.SALES);

        // When one token spends its 5 requests
        for (int i = 4; i >= 0; i--) {
            getAs(flooding, "/api/v1/customers").andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Remaining", Integer.toString(i)));
        }

        // Then its next requests are refused, with when to come back
        for (int i = 0; i < 3; i++) {
            getAs(flooding, "/api/v1/customers").andExpect(problem(429, "rate-limited"))
                    .andExpect(header().string("RateLimit-Limit", "5"))
                    .andExpect(header().string("RateLimit-Remaining", "0"))
                    .andExpect(header().exists("Retry-After"));
        }
        postAs(flooding, "/api/v1/customers", "{}").andExpect(problem(429, "rate-limited"));

        // And another token, from the same address, is untouched
        getAs(quiet, "/api/v1/customers").andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Limit", "5"))
                .andExpect(header().string("RateLimit-Remaining", "4"));
    }

    @Test
    void theHeadersTellTheBudgetOnEveryAnswer() throws Exception {
        Signed agent = agents.create(Role.SALES);

        // A bucket of 5 over an hour refills one request every 720 s; spending one leaves 720 s until it is full
        getAs(agent, "/api/v1/customers").andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Limit", "5"))
                .andExpect(header().string("RateLimit-Remaining", "4"))
                .andExpect(header().longValue("RateLimit-Reset", 720))
                .andExpect(header().string("RateLimit-Policy", "5;w=3600"))
                .andExpect(header().doesNotExist("Retry-After"));
        // A refused request (a 404 still counts) answers the same headers
        getAs(agent, "/api/v1/customers/" + java.util.UUID.randomUUID()).andExpect(status().isNotFound())
                .andExpect(header().string("RateLimit-Remaining", "3"));
        for (int i = 0; i < 3; i++) {
            getAs(agent, "/api/v1/customers").andExpect(status().isOk());
        }

        // Empty: 429 with Retry-After = the time until one request is back, Reset = until all are back
        var refused = getAs(agent, "/api/v1/customers").andExpect(problem(429, "rate-limited"))
                .andExpect(header().string("RateLimit-Remaining", "0"))
                .andReturn().getResponse();
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        long reset = Long.parseLong(refused.getHeader("RateLimit-Reset"));
        assertThat(retryAfter).isBetween(715L, 720L);
        assertThat(reset).isBetween(3595L, 3600L);
        assertThat(refused.getContentAsString()).contains("\"title\":\"Too Many Requests\"", "\"status\":429",
                "at most 5 in 3600 s");
    }

    @Test
    void aConcurrentFloodGetsExactlyItsBudget() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // Three new tokens, each flooded by 8 threads from its first request on (when its bucket is created)
            for (int round = 0; round < 3; round++) {
                Signed agent = agents.create(Role.SALES);
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    calls.add(() -> getAs(agent, "/api/v1/customers").andReturn().getResponse().getStatus());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
                assertThat(statuses).filteredOn(s -> s == 429).hasSize(19);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badBasicAttemptsFromOneAddressAreRefusedBeforeThePasswordIsChecked() throws Exception {
        Signed agent = agents.create(Role.SALES);
        String attacker = address();
        long failedBefore = count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                agent.email());

        // When one address guesses the password 4 times, then goes on
        for (int i = 0; i < 4; i++) {
            mvc.perform(from(attacker, tokenRequest(agent.email(), "guess-" + i)))
                    .andExpect(problem(401, "unauthorized"))
                    .andExpect(header().string("RateLimit-Remaining", Integer.toString(3 - i)));
        }
        mvc.perform(from(attacker, tokenRequest(agent.email(), TestAgents.PASSWORD)))
                .andExpect(problem(429, "rate-limited")).andExpect(header().exists("Retry-After"));

        // Then the refused attempt never reached the password check (no fifth failed sign-in, no token)
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ?",
                agent.email())).isEqualTo(failedBefore + 4);
        assertThat(count("SELECT count(*) FROM api_token WHERE agent_id = ?", agent.agent().id().value()))
                .isEqualTo(1);

        // And the agent, from its own address, gets its token
        mvc.perform(from(address(), tokenRequest(agent.email(), TestAgents.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(header().string("RateLimit-Limit", "4"));
    }

    @Test
    void unauthenticatedCallsAndMadeUpTokensCountAgainstTheirAddress() throws Exception {
        String attacker = address();
        Signed agent = agents.create(Role.SALES);

        mvc.perform(from(attacker, get("/api/v1/customers"))).andExpect(problem(401, "unauthorized"));
        mvc.perform(from(attacker, get("/api/v1/users"))).andExpect(problem(401, "unauthorized"));
        mvc.perform(from(attacker, get("/api/v1/customers").header("Authorization", "Bearer sw_made-up-1")))
                .andExpect(problem(401, "unauthorized"));
        mvc.perform(from(attacker, get("/api/v1/customers").header("Authorization", "Bearer sw_made-up-2")))
                .andExpect(problem(401, "unauthorized")).andExpect(header().string("RateLimit-Remaining", "0"));
        mvc.perform(from(attacker, get("/api/v1/customers").header("Authorization", "Bearer sw_made-up-3")))
                .andExpect(problem(429, "rate-limited"));
        mvc.perform(from(attacker, get("/api/v1/customers"))).andExpect(problem(429, "rate-limited"));

        // A made-up token never gets a bucket of its own
        assertThat(count("SELECT count(*) FROM rate_limit_bucket WHERE id LIKE ?", "%made-up%")).isZero();
        // Another address is refused only for what it is (401), and a real token from the flooding address is served
        mvc.perform(from(address(), get("/api/v1/customers"))).andExpect(problem(401, "unauthorized"));
        mvc.perform(from(attacker, get("/api/v1/customers").header("Authorization", agent.bearer())))
                .andExpect(status().isOk());
    }

    @Test
    void theConsoleSignInIsLimitedPerAddressAndASignedInPersonHasItsOwnBudget() throws Exception {
        Signed agent = agents.create(Role.SALES);
        String attacker = address();

        // Bad passwords through the sign-in form, then the right one: refused by address before its password check
        for (int i = 0; i < 4; i++) {
            mvc.perform(from(attacker, signIn(agent.email(), "guess-" + i)))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(from(attacker, signIn(agent.email(), TestAgents.PASSWORD)))
                .andExpect(problem(429, "rate-limited"));
        mvc.perform(from(attacker, get("/login"))).andExpect(status().is(429));
        // A made-up bearer header (which the console ignores) does not take an attempt out of the count
        mvc.perform(from(attacker, signIn(agent.email(), TestAgents.PASSWORD)
                .header("Authorization", "Bearer sw_made-up"))).andExpect(problem(429, "rate-limited"));
        // Assets are not counted: the refused page's styles still load
        mvc.perform(from(attacker, get("/favicon.ico"))).andExpect(header().doesNotExist("RateLimit-Limit"));

        // Another address signs in
        mvc.perform(from(address(), signIn(agent.email(), TestAgents.PASSWORD)))
                .andExpect(redirectedUrl("/customers"));

        // Signed in, a person spends its own budget (6), whatever address it comes from
        var principal = user(agentService.loadUserByUsername(agent.email()));
        for (int i = 5; i >= 0; i--) {
            mvc.perform(from(attacker, get("/customers")).with(principal)).andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Remaining", Integer.toString(i)));
        }
        mvc.perform(from(address(), get("/customers")).with(principal)).andExpect(problem(429, "rate-limited"));
        Signed other = agents.create(Role.SALES);
        mvc.perform(from(attacker, get("/customers")).with(user(agentService.loadUserByUsername(other.email()))))
                .andExpect(status().isOk()).andExpect(header().string("RateLimit-Limit", "6"));
    }

    @Test
    void theBudgetLivesInTheDatabaseSoAnotherNodeSpendsTheSameOne() throws Exception {
        Signed agent = agents.create(Role.SALES);
        String subject = ApiTokenService.hash(agent.token());
        getAs(agent, "/api/v1/customers").andExpect(status().isOk());
        getAs(agent, "/api/v1/customers").andExpect(status().isOk());

        // Given a second node: its own Bucket4j store over the same database, with the same limits
        RateLimiter.Rule rule = limiter.rule(RateLimiter.Kind.TOKEN);
        RateLimiter otherNode = new RateLimiter(RateLimiter.store(dataSource, dialect), rule,
                limiter.rule(RateLimiter.Kind.PROVISIONING), limiter.rule(RateLimiter.Kind.ADDRESS), limiter.rule(RateLimiter.Kind.PERSON));

        // Then it sees what this node spent, from the row in the database
        assertThat(count("SELECT count(*) FROM rate_limit_bucket WHERE id = ? AND state IS NOT NULL"
                + " AND expires_at > ?", rule.key(subject), System.currentTimeMillis())).isEqualTo(1);
        assertThat(otherNode.available(rule, subject)).isEqualTo(3);

        // And what it spends, this node refuses
        for (int i = 2; i >= 0; i--) {
            assertThat(otherNode.consume(rule, subject).getRemainingTokens()).isEqualTo(i);
        }
        getAs(agent, "/api/v1/customers").andExpect(problem(429, "rate-limited"));
        assertThat(otherNode.consume(rule, subject).isConsumed()).isFalse();
    }

    @Test
    void aNodeThatSawTheBucketEmptyRefusesWithoutAskingTheDatabase() throws Exception {
        String attacker = address();
        for (int i = 0; i < 4; i++) {
            mvc.perform(from(attacker, get("/api/v1/customers"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(from(attacker, get("/api/v1/customers"))).andExpect(problem(429, "rate-limited"));

        // When the stored bucket goes away (a node that never saw it would start afresh)
        String key = limiter.rule(RateLimiter.Kind.ADDRESS).key(attacker);
        assertThat(jdbc.sql("DELETE FROM rate_limit_bucket WHERE id = ?").param(key).update()).isEqualTo(1);

        // Then this node goes on refusing from what it knows, without a round trip that would have recreated it
        for (int i = 0; i < 3; i++) {
            mvc.perform(from(attacker, get("/api/v1/customers"))).andExpect(problem(429, "rate-limited"))
                    .andExpect(header().string("RateLimit-Remaining", "0"));
        }
        assertThat(count("SELECT count(*) FROM rate_limit_bucket WHERE id = ?", key)).isZero();
    }

    @Test
    void bucketsFullForAWhileAreDeleted() throws Exception {
        Signed agent = agents.create(Role.SALES);
        getAs(agent, "/api/v1/customers").andExpect(status().isOk());
        String key = limiter.rule(RateLimiter.Kind.TOKEN).key(ApiTokenService.hash(agent.token()));
        assertThat(count("SELECT count(*) FROM rate_limit_bucket WHERE id = ?", key)).isEqualTo(1);

        // When its time has come (as if the hour had passed), the cleanup deletes its row
        jdbc.sql("UPDATE rate_limit_bucket SET expires_at = ? WHERE id = ?")
                .params(System.currentTimeMillis() - 1000, key).update();
        limiter.removeExpired();

        assertThat(count("SELECT count(*) FROM rate_limit_bucket WHERE id = ?", key)).isZero();
        // And the token starts again with a full budget
        getAs(agent, "/api/v1/customers").andExpect(header().string("RateLimit-Remaining", "4"));
    }

    /** The console's sign-in form, as the browser posts it. */
    private static MockHttpServletRequestBuilder signIn(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf());
    }

    private static MockHttpServletRequestBuilder tokenRequest(String email, String password) {
        return post("/api/v1/tokens").header("Authorization", ApiTokensTests.basic(email, password))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}");
    }
}
