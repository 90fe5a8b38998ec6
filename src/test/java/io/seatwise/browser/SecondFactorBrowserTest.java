package io.seatwise.browser;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor in a real browser, as by default (required for agents): sign in, set it up (the secret read
 * from the page, the code computed here as an authenticator app would), see the recovery codes, sign out, and sign
 * in again with a code.
 */
@TestPropertySource(properties = "seatwise.mfa.required=true")
class SecondFactorBrowserTest extends BrowserTestSupport {

    @Autowired
    TestAgents agents;

    /** RFC 6238 with SHA-1, 30 s, 6 digits: what an authenticator app computes (written apart from Totp). */
    static String totp(byte[] secret, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[19] & 0xf;
        int n = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", n % 1_000_000);
    }

    @Test
    void anAgentSetsUpItsSecondFactorAndSignsInWithACode() throws Exception {
        TestAgents.Signed agent = agents.create(Role.SALES);
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();

            // Sign in with the password: the console asks to set up the second factor first
            signIn(page, agent);
            assertThat(page.url()).endsWith("/login/mfa");
            page.navigate(base() + "/customers");
            assertThat(page.url()).as("nothing but the code page before the code").endsWith("/login/mfa");
            assertThat(page.getByTestId("totp-qr").isVisible()).isTrue();
            assertThat((Boolean) page.getByTestId("totp-qr").evaluate("img => img.complete && img.naturalWidth > 0"))
                    .as("the QR code image loads").isTrue();
            screenshot(page, "1-enrol");

            // Read the secret, compute the code as the app would, confirm
            String secretText = page.locator("[data-totp-secret]").getAttribute("data-totp-secret");
            assertThat(page.locator("[data-totp-secret]").textContent().strip()).isEqualTo(secretText);
            byte[] secret = new Base32().decode(secretText);
            long step = Instant.now().getEpochSecond() / 30;
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(totp(secret, step));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
            page.waitForLoadState();

            // The recovery codes, shown once
            List<String> codes = page.locator("[data-recovery-code]").allTextContents();
            assertThat(codes).hasSize(10).allMatch(c -> c.matches("[A-Z0-9]{5}-[A-Z0-9]{5}"));
            screenshot(page, "2-recovery-codes");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue")).click();
            page.waitForLoadState();
            assertThat(page.url()).endsWith("/customers");

            // Sign out, sign in again: now the code is asked
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForLoadState();
            signIn(page, agent);
            assertThat(page.url()).endsWith("/login/mfa");
            assertThat(page.locator("[data-totp-secret]").count()).isZero();
            screenshot(page, "3-code");
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(totp(secret, step + 1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
            page.waitForLoadState();
            assertThat(page.url()).endsWith("/customers");
        }
    }
}
