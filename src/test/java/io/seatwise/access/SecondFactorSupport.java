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
 * Plumbing of the second-factor tests: sign-in with a password through the form, enrolment through the pages (the
 * secret read from the element with data-totp-secret, the code computed here), with agents' second factor required
 * as it is by default.
 */
@TestPropertySource(properties = "seatwise.mfa.required=true")
abstract class SecondFactorSupport extends ApiTestSupport {

    static final Pattern SECRET = Pattern.compile("data-totp-secret=\"([A-Z2-7]+)\"");
    static final Pattern RECOVERY = Pattern.compile("<li data-recovery-code>([A-Z0-9-]+)</li>");

    /** A signed-up second factor: its secret, the step of the code that confirmed it, and the recovery codes. */
    record Enrolled(byte[] secret, long step, List<String> recoveryCodes) {

        String code(long at) {
            return Totp.code(secret, at);
        }
    }

    Signed sales;

    @BeforeEach
    void agent() {
        sales = agents.create(Role.SALES);
    }

    MockHttpSession signInWithPassword(String user, String password, String expectedRedirect) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl(expectedRedirect)).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    MockHttpSession signInWithPassword(String user, String password) throws Exception {
        return signInWithPassword(user, password, "/login/mfa");
    }

    Enrolled enrol(String user, String password) throws Exception {
        MockHttpSession session = signInWithPassword(user, password);
        return enrolIn(session, "/login/mfa", "/login/mfa/enrol");
    }

    Enrolled enrolIn(MockHttpSession session, String page, String action) throws Exception {
        String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher m = SECRET.matcher(html);
        assertThat(m.find()).as("the page shows the secret in data-totp-secret").isTrue();
        byte[] secret = new Base32().decode(m.group(1));
        long step = Totp.step(Instant.now());
        String page2 = mvc.perform(post(action).session(session).with(csrf()).param("code", Totp.code(secret, step)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> codes = new ArrayList<>();
        Matcher r = RECOVERY.matcher(page2);
        while (r.find()) {
            codes.add(r.group(1));
        }
        return new Enrolled(secret, step, codes);
    }
}
