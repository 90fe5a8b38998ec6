package io.seatwise.licensing.engine;

import java.util.ArrayList;
import java.util.List;

import io.seatwise.licensing.UserOutcome;

/** A run's counts of users, and the first {@link LicenseEngine#RESULT_LIMIT} outcomes it keeps to show. */
final class RunTally {

    private final List<UserOutcome> kept = new ArrayList<>();
    private int selected;
    private int succeeded;
    private int failed;
    private int changed;

    void record(UserOutcome outcome) {
        if (outcome.succeeded()) {
            succeeded++;
            if (outcome.changesSomething()) {
                changed++;
            }
        } else {
            failed++;
        }
        if (kept.size() < LicenseEngine.RESULT_LIMIT) {
            kept.add(outcome);
        }
    }

    /** A chunk of {@code users} was recorded. */
    void chunkDone(int users) {
        selected += users;
    }

    int selected() {
        return selected;
    }

    int succeeded() {
        return succeeded;
    }

    int failed() {
        return failed;
    }

    /** Users the run changed: succeeded with something gained, lost or re-planned. */
    int changed() {
        return changed;
    }

    List<UserOutcome> kept() {
        return List.copyOf(kept);
    }
}
