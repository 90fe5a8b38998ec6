package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The TOTP rule: RFC 6238's own test vectors, the ±1 step window, and no second use of a step. */
class TotpTests {

    /** The SHA-1 seed of RFC 6238 appendix B. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void computesTheCodesOfRfc6238AppendixB(long seconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));

        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
        // six digits are the last six of the eight (the same truncated number, modulo 10^6)
        assertThat(Totp.code(RFC_SEED, step)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCurrentStepAndOneStepEitherSide() {
        long now = Totp.step(Instant.ofEpochSecond(1_234_567_890L));

        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now), now, 0)).hasValue(now);
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now - 1), now, 0)).hasValue(now - 1);
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now + 1), now, 0)).hasValue(now + 1);
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now - 2), now, 0)).isEmpty();
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now + 2), now, 0)).isEmpty();
    }

    @Test
    void refusesAStepAlreadyUsedOrOlderThanTheLastUsed() {
        long now = Totp.step(Instant.ofEpochSecond(1_234_567_890L));
        String code = Totp.code(RFC_SEED, now);

        assertThat(Totp.match(RFC_SEED, code, now, now)).as("replay within its step").isEmpty();
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now - 1), now, now)).as("older than the last").isEmpty();
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now + 1), now, now)).hasValue(now + 1);
    }

    @Test
    void refusesWhatIsNoSixDigitCode() {
        long now = 1000;
        assertThat(Totp.match(RFC_SEED, null, now, 0)).isEmpty();
        assertThat(Totp.match(RFC_SEED, "", now, 0)).isEmpty();
        assertThat(Totp.match(RFC_SEED, "12345", now, 0)).isEmpty();
        assertThat(Totp.match(RFC_SEED, "1234567", now, 0)).isEmpty();
        assertThat(Totp.match(RFC_SEED, "12a456", now, 0)).isEmpty();
    }

    @Test
    void spellsTheSecretInBase32WithoutPadding() {
        assertThat(Totp.base32(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.newSecret()).hasSize(20);
    }
}
