package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A wrong password costs the same time whether the name is no account, an account with a temporary password (a
 * fast keyed hash) or one with a chosen password (Argon2): each failing sign-in runs one Argon2 check. Before, the
 * temporary password answered in half the time (~84 ms against 164–183 ms), telling who had not yet chosen one.
 */
abstract class SignInTimingTests extends ApiTestSupport {

    private static final int ROUNDS = 15;

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    SignInLockout lockout;
    @Autowired
    SignInFailureRepository failures;

    @Test
    void everyFailedSignInCostsTheSameWhetherOrNotTheAccountExistsOrHasATemporaryPassword() throws Exception {
        var tenant = customerUsers.tenant(1);
        Member chosen = customerUsers.create(tenant, DirectoryRole.NONE);
        Member temporary = customerUsers.withTemporaryPassword(tenant, DirectoryRole.NONE);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("no such account", unique("nobody-") + "@" + tenant.domain());
        names.put("temporary password", temporary.userName());
        names.put("chosen password", chosen.userName());
        names.put("agent", agents.create(Role.SALES).email());
        String address = "192.0.2." + (1 + (int) (Math.random() * 250));

        // A real difference (one Argon2 run more or less, a factor of 2) shows in every measurement; a busy machine
        // can spoil one: up to 3 measurements, the first within 20 % passes.
        Map<String, Long> medians = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            medians = medians(names, address);
            System.out.println("Median ms of a failed sign-in, " + ROUNDS + " each: " + medians);
            if (spread(medians) <= 1.2) {
                break;
            }
        }
        assertThat(spread(medians)).as("medians (ms) %s within 20 %% of each other", medians)
                .isLessThanOrEqualTo(1.2);
    }

    /**
     * Rounds take one attempt of each kind, in a new random order each time, so that a slow moment of the machine
     * falls on all of them; the first round warms up and is not counted. The counts are cleared after each attempt:
     * this test is about the password check, and a locked name would answer at once.
     */
    private Map<String, Long> medians(Map<String, String> names, String address) throws Exception {
        Map<String, List<Long>> times = new LinkedHashMap<>();
        names.keySet().forEach(kind -> times.put(kind, new ArrayList<>()));
        List<String> kinds = new ArrayList<>(names.keySet());
        for (int round = 0; round <= ROUNDS; round++) {
            Collections.shuffle(kinds);
            for (String kind : kinds) {
                String name = names.get(kind);
                long start = System.nanoTime();
                int status = mvc.perform(post("/api/v1/tokens").with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }).header("Authorization", basic(name, "wrong-password-" + round))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                        .andReturn().getResponse().getStatus();
                long elapsed = System.nanoTime() - start;
                assertThat(status).isEqualTo(401);
                if (round > 0) {
                    times.get(kind).add(elapsed);
                }
                lockout.unlock(name);
                failures.delete(SignInLockout.ADDRESS + address);
            }
        }
        Map<String, Long> medians = new LinkedHashMap<>();
        times.forEach((kind, list) -> medians.put(kind, median(list) / 1_000_000));
        return medians;
    }

    /** The slowest median over the fastest. */
    private static double spread(Map<String, Long> medians) {
        long fastest = medians.values().stream().min(Long::compare).orElseThrow();
        long slowest = medians.values().stream().max(Long::compare).orElseThrow();
        return (double) slowest / Math.max(1, fastest);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
