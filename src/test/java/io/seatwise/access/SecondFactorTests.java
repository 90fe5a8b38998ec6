package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.access.TestAgents.Signed;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * TOTP second factor of agents (required here, as by default): enrolment at first sign-in, the code at later
 * sign-ins, recovery codes used once, a session that reaches nothing before the code, tokens and the code.
 */
abstract class SecondFactorTests extends SecondFactorSupport {

    @Test
    void anAgentSetsUpItsSecondFactorAtFirstSignInAndGetsTenRecoveryCodesShownOnce() throws Exception {
        // Given an agent signed in with its password only
        MockHttpSession session = signInWithPassword(sales.email(), TestAgents.PASSWORD);

        // Then the session reaches nothing but the second-factor page
        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/login/mfa"));
        mvc.perform(get("/account/tokens").session(session)).andExpect(redirectedUrl("/login/mfa"));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "x"))
                .andExpect(redirectedUrl("/login/mfa"));

        // And the page offers enrolment: a QR code image and the secret as text
        String html = mvc.perform(get("/login/mfa").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/login/mfa/qr")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher m = SECRET.matcher(html);
        assertThat(m.find()).isTrue();
        byte[] secret = new Base32().decode(m.group(1));
        byte[] png = mvc.perform(get("/login/mfa/qr").session(session)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        // When a wrong first code is sent, enrolment is not confirmed
        long now = Totp.step(Instant.now());
        String wrong = Totp.code(secret, now + 5);
        mvc.perform(post("/login/mfa/enrol").session(session).with(csrf()).param("code", wrong))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/login/mfa"));

        // When the right code is sent
        String page = mvc.perform(post("/login/mfa/enrol").session(session).with(csrf())
                        .param("code", Totp.code(secret, now)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        // Then 10 recovery codes are shown, stored only as hashes, and the secret is stored sealed
        List<String> codes = new ArrayList<>();
        Matcher r = RECOVERY.matcher(page);
        while (r.find()) {
            codes.add(r.group(1));
        }
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        var factorId = jdbc.sql("SELECT id FROM second_factor WHERE agent_id = ? AND confirmed_at IS NOT NULL")
                .param(sales.agent().id().value()).query(java.util.UUID.class).single();
        List<String> hashes = jdbc.sql("SELECT code_hash FROM second_factor_recovery WHERE factor_id = ?")
                .param(factorId).query(String.class).list();
        assertThat(hashes).hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}"));
        for (String code : codes) {
            assertThat(hashes).noneMatch(h -> h.contains(code) || h.contains(code.replace("-", "")));
        }
        String sealed = jdbc.sql("SELECT secret_sealed FROM second_factor WHERE id = ?").param(factorId)
                .query(String.class).single();
        assertThat(sealed).doesNotContain(m.group(1));

        // And the session is now a full one
        mvc.perform(get("/customers").session(session)).andExpect(status().isOk());
        // And the enrolment page is not shown again
        mvc.perform(get("/account/mfa").session(session)).andExpect(redirectedUrl("/account"));
    }

    @Test
    void laterSignInsAskForTheCodeAndACodeIsAcceptedOnlyOnce() throws Exception {
        Enrolled enrolled = enrol(sales.email(), TestAgents.PASSWORD);

        // When the agent signs in again
        MockHttpSession session = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        mvc.perform(get("/login/mfa").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("data-totp-secret"))));
        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/login/mfa"));

        // Then the code that confirmed the enrolment is refused (replay within its step)
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", enrolled.code(enrolled.step())))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/customers").session(session)).andExpect(redirectedUrl("/login/mfa"));

        // And the next step's code is accepted
        mvc.perform(post("/login/mfa").session(session).with(csrf())
                        .param("code", enrolled.code(enrolled.step() + 1)))
                .andExpect(redirectedUrl("/customers"));
        mvc.perform(get("/customers").session(session)).andExpect(status().isOk());
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() throws Exception {
        Enrolled enrolled = enrol(sales.email(), TestAgents.PASSWORD);
        String recovery = enrolled.recoveryCodes().get(3);

        MockHttpSession first = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        mvc.perform(post("/login/mfa").session(first).with(csrf()).param("code", recovery.toLowerCase()))
                .andExpect(redirectedUrl("/customers"));
        mvc.perform(get("/account").session(first)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("(9 ")));

        MockHttpSession second = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        mvc.perform(post("/login/mfa").session(second).with(csrf()).param("code", recovery))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/customers").session(second)).andExpect(redirectedUrl("/login/mfa"));
    }

    @Test
    void fiveWrongCodesEndTheSignIn() throws Exception {
        enrol(sales.email(), TestAgents.PASSWORD);
        MockHttpSession session = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        for (int i = 0; i < SecondFactorSession.MAX_FAILURES - 1; i++) {
            mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
                .andExpect(redirectedUrl("/login?mfaFailed"));
        mvc.perform(get("/customers").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    }

    @Test
    void theTokenEndpointNeedsTheCodeInXSeatwiseOtpForAnAccountWithASecondFactor() throws Exception {
        // An agent that must have a second factor but has none yet gets no token with its password alone
        mvc.perform(post("/api/v1/tokens").header("Authorization", ApiTokensTests.basic(sales.email(),
                        TestAgents.PASSWORD)))
                .andExpect(problem(401, "mfa-required"));

        Enrolled enrolled = enrol(sales.email(), TestAgents.PASSWORD);
        String basic = ApiTokensTests.basic(sales.email(), TestAgents.PASSWORD);
        String body = "{\"name\":\"ci\"}";

        // Without the header: 401 mfa-required
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic)
                        .contentType("application/json").content(body))
                .andExpect(problem(401, "mfa-required"));
        // With a used or wrong code: 401 invalid-otp
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP",
                        enrolled.code(enrolled.step())).contentType("application/json").content(body))
                .andExpect(problem(401, "invalid-otp"));
        // With the current code: a token
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP",
                        enrolled.code(enrolled.step() + 1)).contentType("application/json").content(body))
                .andExpect(status().isCreated());
        // With a recovery code: a token, once
        String recovery = enrolled.recoveryCodes().get(0);
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP", recovery)
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP", recovery)
                        .contentType("application/json").content(body))
                .andExpect(problem(401, "invalid-otp"));

        // And the token made before keeps working, for the API and for making tokens
        mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tokens").header("Authorization", sales.bearer())
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void anAdminAgentResetsAnotherAgentsSecondFactor() throws Exception {
        enrol(sales.email(), TestAgents.PASSWORD);
        Signed admin = agents.create(Role.ADMIN);
        Signed helpdesk = agents.create(Role.HELPDESK);
        String url = "/api/v1/agents/" + sales.agent().id() + "/second-factor";

        // Only an Admin agent may
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(url)
                .header("Authorization", helpdesk.bearer())).andExpect(problem(403, "forbidden"));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(url)
                .header("Authorization", admin.bearer())).andExpect(status().isNoContent());
        assertThat(count("SELECT count(*) FROM second_factor WHERE agent_id = ?", sales.agent().id().value()))
                .isZero();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(url)
                .header("Authorization", admin.bearer())).andExpect(problem(409, "mfa-not-enrolled"));
        // Both the set-up and the reset are in the activity log, the reset as done by the Admin
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'second-factor.enrolled' AND actor = ?",
                sales.email())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'second-factor.reset' AND actor = ? "
                + "AND data LIKE ?", admin.email(), "%" + sales.email() + "%")).isEqualTo(1);

        // Then the agent sets one up again at its next sign-in
        MockHttpSession session = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        mvc.perform(get("/login/mfa").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-totp-secret")));
    }

    @Test
    void anAdminAgentResetsASecondFactorFromTheConsole() throws Exception {
        enrol(sales.email(), TestAgents.PASSWORD);
        Signed admin = agents.create(Role.ADMIN);
        Enrolled adminFactor = enrol(admin.email(), TestAgents.PASSWORD);
        MockHttpSession session = signInWithPassword(admin.email(), TestAgents.PASSWORD);
        mvc.perform(post("/login/mfa").session(session).with(csrf())
                .param("code", adminFactor.code(adminFactor.step() + 1))).andExpect(redirectedUrl("/customers"));

        mvc.perform(get("/agents/" + sales.agent().id() + "/second-factor/reset").session(session))
                .andExpect(status().isOk());
        mvc.perform(post("/agents/" + sales.agent().id() + "/second-factor/reset").session(session).with(csrf()))
                .andExpect(redirectedUrl("/agents"));
        assertThat(count("SELECT count(*) FROM second_factor WHERE agent_id = ?", sales.agent().id().value()))
                .isZero();
    }

    @Test
    void wrongCodesCountLikeWrongPasswordsAndSigningInAgainWithThePasswordGivesNoFreshTries() throws Exception {
        Enrolled enrolled = enrol(sales.email(), TestAgents.PASSWORD);
        String basic = ApiTokensTests.basic(sales.email(), TestAgents.PASSWORD);
        String body = "{\"name\":\"ci\"}";

        // Four wrong codes, each after a right password (the API signs in anew at every request)
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP", "000000")
                            .contentType("application/json").content(body))
                    .andExpect(problem(401, "invalid-otp"));
        }
        // A fifth, in a console sign-in this time: the per-session count is 1, the account's 5, so it locks
        MockHttpSession session = signInWithPassword(sales.email(), TestAgents.PASSWORD);
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isUnprocessableContent());
        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'access.locked' AND data LIKE ?",
                "%" + sales.email() + "%")).isEqualTo(1);

        // Then even the right code is refused unseen, in the console (signed out, told to wait) and the API (429)
        mvc.perform(post("/login/mfa").session(session).with(csrf())
                        .param("code", enrolled.code(enrolled.step() + 1)))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login?locked="));
        mvc.perform(get("/customers").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP",
                        enrolled.code(enrolled.step() + 1)).contentType("application/json").content(body))
                .andExpect(problem(429, "sign-in-locked"))
                .andExpect(result -> assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After")))
                        .isPositive());
        // And the code of that step was not used up by the refused tries
        assertThat(count("SELECT count(*) FROM api_token WHERE agent_id = ? AND name = 'ci'",
                sales.agent().id().value())).isZero();

        // When an Admin agent unlocks the agent, the right code passes again and the wrong codes are forgotten
        Signed admin = agents.create(Role.ADMIN);
        mvc.perform(post("/api/v1/agents/" + sales.agent().id() + "/unlock").header("Authorization", admin.bearer()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic).header("X-Seatwise-OTP",
                        enrolled.code(enrolled.step() + 1)).contentType("application/json").content(body))
                .andExpect(status().isCreated());
        assertThat(count("SELECT count(*) FROM sign_in_failure WHERE subject = ?",
                SignInLockout.secondFactor(sales.email()))).isZero();
    }
}
