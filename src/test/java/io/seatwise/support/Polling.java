package io.seatwise.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting in tests for what happens in the background (a job ending, a count becoming exact, a node starting):
 * Awaitility, asking every 100 ms in the test's own thread (so a condition sees what the test's thread sees), up
 * to a limit that the caller makes generous, because CI machines are slow and shared.
 */
public final class Polling {

    private Polling() {
    }

    /** Polls every 100 ms, in the calling thread, for at most {@code limit}. */
    public static ConditionFactory atMost(Duration limit) {
        return Awaitility.await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .pollInSameThread();
    }
}
