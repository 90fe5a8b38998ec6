package io.seatwise.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Temporary passwords of customer users (architecture.md, Passwords): 20 characters drawn with SecureRandom from 56
 * unambiguous symbols (about 116 bits), shown once, stored only as an HMAC-SHA256 under a key of the application's
 * ({@link Secrets}). They are random and long, so a fast keyed hash is enough — which is what lets an import create
 * 100,000 users in seconds instead of hours of Argon2. The stored form is {@code {tmp}<base64>}, an id the password
 * encoder of the access module recognises.
 */
@Component
public class TemporaryPasswords {

    public static final String PREFIX = "{tmp}";
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Secrets secrets;
    private final Duration validity;
    private volatile SecretKeySpec key;

    TemporaryPasswords(Secrets secrets,
            @Value("${seatwise.temporary-password-validity:14d}") Duration validity) {
        this.secrets = secrets;
        this.validity = validity;
    }

    /** How long a temporary password works. */
    public Duration validity() {
        return validity;
    }

    /**
     * A new password, in four groups of five for reading aloud: {@code Abcde-fghij-kmnpq-rstuv}. Random bytes are
     * drawn in bulk and mapped without bias: a byte below 224 (4 × 56) picks {@code byte % 56}, others are skipped.
     */
    public String generate() {
        StringBuilder sb = new StringBuilder(LENGTH + 3);
        byte[] bytes = new byte[32];
        int used = bytes.length;
        int chars = 0;
        while (chars < LENGTH) {
            if (used == bytes.length) {
                RANDOM.nextBytes(bytes);
                used = 0;
            }
            int b = bytes[used++] & 0xFF;
            if (b >= 4 * ALPHABET.length()) {
                continue;
            }
            if (chars > 0 && chars % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(b % ALPHABET.length()));
            chars++;
        }
        return sb.toString();
    }

    /** The stored form of a temporary password. */
    public String hash(String password) {
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(mac(password));
    }

    /** Whether a password matches a stored form made by {@link #hash}, without the {@code {tmp}} prefix. */
    public boolean matches(CharSequence password, String storedWithoutPrefix) {
        if (password == null || storedWithoutPrefix == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(storedWithoutPrefix);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, mac(password.toString()));
    }

    private byte[] mac(String password) {
        return macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    /** One initialised Mac per thread: an import hashes 100,000 passwords. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            k = new SecretKeySpec(secrets.key("temporary-passwords"), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
