package io.seatwise.access;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * The TOTP rule of RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), accepting the step before and after the
 * current one for clocks that drift. Pure: which steps were already used is the caller's to remember (a code is
 * accepted once). The HMAC is the JDK's; commons-codec only spells the secret in Base32 for authenticator apps.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** 160 bits, the size RFC 4226 recommends for HMAC-SHA1 secrets. */
    static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as authenticator apps take it: Base32, no padding. */
    static String base32(byte[] secret) {
        return new Base32().encodeToString(secret).replace("=", "");
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, {@code digits} long with leading zeros (RFC 4226 section 5.3). */
    static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            String text = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - text.length()) + text;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /**
     * The step whose code this is, among the current one and its two neighbours, and later than {@code lastUsed}
     * (a code already used, or one older than it, is refused: no replay). Empty when nothing matches.
     */
    static OptionalLong match(byte[] secret, String code, long now, long lastUsed) {
        String given = code == null ? "" : code.replace(" ", "").strip();
        if (given.length() != DIGITS || !given.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > lastUsed && java.security.MessageDigest.isEqual(code(secret, step).getBytes(),
                    given.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
