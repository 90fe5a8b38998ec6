package io.seatwise.licensing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.Job;
import io.seatwise.jobs.JobContext;
import io.seatwise.jobs.JobHandler;
import io.seatwise.jobs.JobId;
import io.seatwise.jobs.Jobs;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * License changes and undos as jobs ({@link Jobs}): a change of a million users takes seconds (targets.md, M1), so
 * the console runs large ones in the background with a progress page, and the API does on {@code ?async=true}.
 * The request is checked at once (a bad product or plan is refused before anything is queued); the job then
 * applies it through the same {@link LicensingService} path, in one transaction, and answers the stored change's
 * id — the "Licenses updated" confirmation. Too few seats fail the job with the shortfall in its message.
 */
@Service
@Transactional
public class LicenseChangeJobs implements JobHandler {

    public static final String KIND = "license-change";

    /** What a finished job did: the stored change (the confirmation) and its counts. */
    public record Outcome(UUID changeId, int selected, int succeeded, int failed) {
    }

    /** The job's input: apply a change to a selection, or undo a stored change. */
    record Input(String op, List<UUID> userIds, Filter filter, List<Assign> assign, List<UUID> remove,
            UUID changeId) {
    }

    record Filter(String type, UUID skuId, String search) {
    }

    record Assign(UUID skuId, List<UUID> excludedPlans) {
    }

    /** Shown while it runs: how many users, and whether it is an undo. */
    record Params(String op, long users) {
    }

    private final LicensingService licensing;
    private final Jobs jobs;
    private final JsonMapper json;

    LicenseChangeJobs(LicensingService licensing, Jobs jobs, JsonMapper json) {
        this.licensing = licensing;
        this.jobs = jobs;
        this.json = json;
    }

    /** Queues a change of a selection of about {@code users} users; a bad request is refused here, not queued. */
    @PreAuthorize("hasAuthority('users:write')")
    public Job apply(CustomerId customer, Selection selection, LicenseChangeSpec spec, long users) {
        licensing.checked(customer, spec);
        Input input = new Input("apply",
                selection instanceof Selection.UserIds ids ? ids.ids().stream().map(UserId::value).toList() : null,
                selection instanceof Selection.Matching m ? new Filter(m.filter().type().name(),
                        m.filter().skuId() == null ? null : m.filter().skuId().value(), m.filter().search()) : null,
                spec.assign().entrySet().stream().map(e -> new Assign(e.getKey().value(),
                        e.getValue().stream().map(ServicePlanId::value).sorted().toList())).toList(),
                spec.remove().stream().map(SkuId::value).toList(), null);
        return submit(customer, input, new Params("apply", users));
    }

    /** Queues the undo of a stored change (as just read); one already undone, or an undo, is refused here. */
    @PreAuthorize("hasAuthority('users:write')")
    public Job undo(CustomerId customer, StoredChange change) {
        change.requireUndoable();
        return submit(customer, new Input("undo", null, null, null, null, change.id()),
                new Params("undo", change.succeeded()));
    }

    private Job submit(CustomerId customer, Input input, Params params) {
        return jobs.submit(customer, KIND, input.op(), json.writeValueAsString(params),
                new ByteArrayInputStream(json.writeValueAsBytes(input)));
    }

    /** A license job of the current actor's; not found else. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public Job get(CustomerId customer, JobId id) {
        return jobs.get(customer, KIND, id);
    }

    /** What a finished job did; null while it runs or when it failed. */
    public Outcome outcome(Job job) {
        return job.result() == null ? null : json.readValue(job.result(), Outcome.class);
    }

    /** How many users it is about, and whether it is an undo. */
    public boolean isUndo(Job job) {
        return "undo".equals(params(job).op());
    }

    public long users(Job job) {
        return params(job).users();
    }

    private Params params(Job job) {
        return job.params() == null ? new Params("apply", 0) : json.readValue(job.params(), Params.class);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(JobContext context) {
        Job job = context.job();
        Input input;
        try {
            input = json.readValue(Files.readAllBytes(context.input()), Input.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long users = users(job);
        String step = input.op().equals("undo") ? "undoing" : "applying";
        context.progress(step, 0, users);
        // An undo reverts only the users it has something to revert for: the total grows if the count was short
        java.util.function.IntConsumer done = n -> context.progress(step, n, Math.max(users, n));
        CustomerId customer = job.customerId();
        LicenseChangeResult result = input.op().equals("undo") ? licensing.undo(customer, input.changeId(), done)
                : licensing.apply(customer, selection(input), spec(input), done);
        return json.writeValueAsString(new Outcome(result.id(), result.selected(), result.succeeded(),
                result.failed()));
    }

    private static Selection selection(Input input) {
        if (input.userIds() != null) {
            return new Selection.UserIds(input.userIds().stream().map(UserId::new).toList());
        }
        Filter f = input.filter();
        return new Selection.Matching(new UserFilter(UserFilter.Type.valueOf(f.type()),
                f.skuId() == null ? null : new SkuId(f.skuId()), f.search()));
    }

    private static LicenseChangeSpec spec(Input input) {
        Map<SkuId, Set<ServicePlanId>> assign = new LinkedHashMap<>();
        for (Assign a : input.assign()) {
            Set<ServicePlanId> plans = new HashSet<>();
            a.excludedPlans().forEach(p -> plans.add(new ServicePlanId(p)));
            assign.put(new SkuId(a.skuId()), plans);
        }
        Set<SkuId> remove = new HashSet<>();
        input.remove().forEach(s -> remove.add(new SkuId(s)));
        return new LicenseChangeSpec(assign, remove);
    }
}
