package io.seatwise.access;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wait after failed sign-ins: none below the threshold, then doubling up to the longest lock; forgotten later. */
class LockoutPolicyTests {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofHours(12));

    @Test
    void fourFailuresCostNoWaitAndTheFifthStartsOne() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(policy.waitAfter(failures)).isZero();
        }
        assertThat(policy.waitAfter(5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheLongestLock() {
        assertThat(policy.waitAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.waitAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.waitAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void failuresAreForgottenAfterTheResetTimeWithoutOne() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        assertThat(policy.counted(7, now.minus(Duration.ofHours(11)), now)).isEqualTo(7);
        assertThat(policy.counted(7, now.minus(Duration.ofHours(13)), now)).isZero();
    }

    @Test
    void aPolicyThatCouldNeverWaitOrNeverEndIsRefused() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(12))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(12)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(5, Duration.ofMinutes(30), Duration.ofMinutes(15),
                Duration.ofHours(12))).isInstanceOf(IllegalArgumentException.class);
    }
}
