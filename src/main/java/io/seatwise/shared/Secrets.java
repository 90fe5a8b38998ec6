package io.seatwise.shared;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys the application needs for itself: taken from configuration ({@code seatwise.secrets.<name>}, base64, 32
 * bytes) when given, otherwise generated once and kept in table {@code app_secret}, so that every instance on the
 * same database uses the same key.
 */
@Component
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Environment environment;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    Secrets(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** The 256-bit key of that name. */
    public byte[] key(String name) {
        return cache.computeIfAbsent(name, this::load).clone();
    }

    private byte[] load(String name) {
        String configured = environment.getProperty("seatwise.secrets." + name);
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length < 32) {
                throw new IllegalStateException("seatwise.secrets." + name + " must be at least 32 bytes, base64");
            }
            return key;
        }
        return stored(name).orElseGet(() -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            try {
                jdbc.sql("INSERT INTO app_secret (name, secret, created_at) VALUES (:n, :s, :at)")
                        .param("n", name).param("s", Base64.getEncoder().encodeToString(key))
                        .param("at", Timestamp.from(Instant.now())).update();
                return key;
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                return stored(name).orElseThrow();
            }
        });
    }

    private java.util.Optional<byte[]> stored(String name) {
        return jdbc.sql("SELECT secret FROM app_secret WHERE name = :n").param("n", name).query(String.class)
                .optional().map(Base64.getDecoder()::decode);
    }
}
