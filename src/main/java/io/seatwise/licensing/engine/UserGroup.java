package io.seatwise.licensing.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.observation.Observation;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.Selection;
import io.seatwise.licensing.rules.UserChangeEvaluator;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.licensing.UserOutcome;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;

/**
 * The users of a run that share one spec: read a chunk at a time (nothing holds all users at once), evaluated with
 * the rules, their seats claimed from the run's {@link SeatLedger}, and, unless previewing, their outcomes stored
 * and their changes written.
 */
final class UserGroup {

    private static final int MAX_SITUATIONS = 10_000;

    /** What the policies look at of a user, without its id. */
    private record Situation(boolean exists, boolean deleted, String usageLocation,
            Map<SkuId, Set<ServicePlanId>> licenses, boolean globalAdmin) {
    }

    private final EngineRun run;
    private final LicenseChangeSpec spec;
    private final int index;
    private final Set<SkuId> relevant;
    private final ChunkWriter writer;
    private final Map<Situation, UserOutcome> outcomes = new HashMap<>();

    UserGroup(EngineRun run, LicenseChangeSpec spec, int index, Set<SkuId> relevant, ChunkWriter writer) {
        this.run = run;
        this.spec = spec;
        this.index = index;
        this.relevant = relevant;
        this.writer = writer;
    }

    /** Reads, evaluates and (unless previewing) writes the selected users, a chunk at a time. */
    void evaluate(Selection selection) {
        if (selection instanceof Selection.UserIds ids) {
            // More than a chunk: in id order, so that each chunk covers its own stretch of the ids and a dense
            // selection can be read by range (SelectionReader.states). Results then come in id order.
            List<UserId> all = ids.ids().size() <= LicenseEngine.ID_CHUNK ? ids.ids() : ids.ids().stream()
                    .sorted((a, b) -> SqlDialect.UUID_ORDER.compare(a.value(), b.value())).toList();
            for (int i = 0; i < all.size(); i += LicenseEngine.ID_CHUNK) {
                List<UserId> chunk = all.subList(i, Math.min(all.size(), i + LicenseEngine.ID_CHUNK));
                evaluate(chunk, run.observations().load(() -> run.parts().reader().states(run.customer(), chunk,
                        relevant)));
            }
        } else if (selection instanceof Selection.Matching matching) {
            Observation[] load = {run.observations().startLoad()};
            run.parts().reader().forEachMatchingChunk(run.customer(), matching.filter(), relevant,
                    LicenseEngine.CHUNK, states -> {
                        load[0].stop();
                        evaluate(List.copyOf(states.keySet()), states);
                        load[0] = run.observations().startLoad();
                    });
            load[0].stop();
        }
    }

    /** Evaluates one chunk of users and, unless previewing, stores their outcomes and applies them. */
    private void evaluate(List<UserId> chunk, Map<UserId, UserLicenseState> states) {
        List<UserOutcome> chunkOutcomes = new ArrayList<>(chunk.size());
        ChunkChanges changes = new ChunkChanges();
        for (UserId id : chunk) {
            UserLicenseState state = states.get(id);
            UserOutcome outcome = run.ledger().claim(evaluateCached(state));
            if (outcome.succeeded()) {
                changes.add(outcome, state, spec);
            }
            run.tally().record(outcome);
            chunkOutcomes.add(outcome);
        }
        boolean admitted = run.ledger().admit(changes);
        if (!run.preview() && admitted) {
            int firstSeq = run.tally().selected();
            run.observations().store(() -> run.parts().outcomes().insert(run.customer(), run.changeId(), index,
                    firstSeq, chunkOutcomes));
            run.observations().apply(() -> writer.write(spec, changes));
        }
        run.tally().chunkDone(chunk.size());
        run.progress(run.tally().selected());
    }

    /**
     * Users in the same situation get the same outcome: most of 100,000 users share a handful of situations, so the
     * rules run once per situation rather than once per user.
     */
    private UserOutcome evaluateCached(UserLicenseState state) {
        Situation key = new Situation(state.exists(), state.deleted(), state.usageLocation(), state.licenses(),
                state.globalAdmin());
        UserOutcome template = outcomes.get(key);
        if (template == null) {
            template = UserChangeEvaluator.evaluate(state, spec, run.rules(), run.actor());
            if (outcomes.size() < MAX_SITUATIONS) {
                outcomes.put(key, template);
            }
        }
        return new UserOutcome(state.userId(), template.errors(), template.added(), template.removed(),
                template.replanned());
    }
}
