package io.seatwise.licensing.api;

import java.net.URI;
import io.seatwise.jobs.Job;
import io.seatwise.licensing.LicenseChangeJobs;
import io.seatwise.shared.DomainException;
import org.springframework.http.ResponseEntity;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicenseChangeCsv;
import io.seatwise.licensing.LicenseHolder;
import io.seatwise.licensing.LicenseSummary;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.licensing.api.LicenseRequests.LicenseUpdate;
import io.seatwise.licensing.api.LicenseRequests.SelectionBody;
import io.seatwise.licensing.api.LicenseResponses.ChangeResponse;
import io.seatwise.licensing.api.LicenseResponses.StoredChangeResponse;
import io.seatwise.licensing.api.LicenseResponses.UserResultResponse;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** License updates, stored changes with their results and undo, a user's licenses, and the selection summary. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class LicensingApiController {

    private final LicensingService licensing;
    private final UsersService users;
    private final LicenseChangeJobs jobs;

    LicensingApiController(LicensingService licensing, UsersService users, LicenseChangeJobs jobs) {
        this.licensing = licensing;
        this.users = users;
        this.jobs = jobs;
    }

    /** The answer of {@code ?async=true}: the job to follow at {@code Location}. */
    record Accepted(UUID jobId, String status) {

        static ResponseEntity<Accepted> of(CustomerId customer, Job job) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/customers/" + customer.value() + "/jobs/" + job.id()))
                    .body(new Accepted(job.id().value(), job.status().name()));
        }
    }

    /**
     * One change for many users; {@code ?preview=true} changes nothing; {@code ?async=true} checks the request,
     * then answers 202 with {@code Location: …/jobs/{jobId}} and applies it in the background (for changes of
     * hundreds of thousands of users): the job's {@code result} is {@code {changeId, selected, succeeded, failed}}.
     */
    @PostMapping("/licenseupdates")
    ResponseEntity<?> update(@PathVariable String customerId, @RequestBody LicenseUpdate body,
            @RequestParam(defaultValue = "false") boolean preview,
            @RequestParam(defaultValue = "false") boolean async) {
        CustomerId customer = customer(customerId);
        Selection selection = LicenseRequests.selection(body.userIds(), body.filter());
        if (async) {
            if (preview) {
                throw DomainException.invalid("validation", "async", "async and preview cannot go together");
            }
            return Accepted.of(customer, jobs.apply(customer, selection, LicenseRequests.spec(body),
                    selection instanceof Selection.UserIds ids ? ids.ids().size() : 0));
        }
        return ResponseEntity.ok(change(customer, selection, body, preview));
    }

    @PostMapping("/users/{userId}/licenseupdates")
    ChangeResponse updateOne(@PathVariable String customerId, @PathVariable String userId,
            @RequestBody LicenseUpdate body, @RequestParam(defaultValue = "false") boolean preview) {
        CustomerId customer = customer(customerId);
        UserId user = users.get(customer, new UserId(Ids.parse(userId, "user"))).id();
        return change(customer, new Selection.UserIds(List.of(user)), body, preview);
    }

    private ChangeResponse change(CustomerId customer, Selection selection, LicenseUpdate body, boolean preview) {
        var spec = LicenseRequests.spec(body);
        return ChangeResponse.of(preview ? licensing.preview(customer, selection, spec)
                : licensing.apply(customer, selection, spec));
    }

    @GetMapping("/users/{userId}/licenses")
    List<LicenseView> licenses(@PathVariable String customerId, @PathVariable String userId) {
        CustomerId customer = customer(customerId);
        UserId user = users.get(customer, new UserId(Ids.parse(userId, "user"))).id();
        return licensing.licenses(customer, user).stream().map(l -> new LicenseView(l.skuId().value(),
                l.skuPartNumber(), l.productName(), LicenseResponses.ids(l.disabledPlans()))).toList();
    }

    record LicenseView(UUID skuId, String skuPartNumber, String productName, List<UUID> excludedPlans) {
    }

    /** The customer's stored changes, newest first. */
    @GetMapping("/licensechanges")
    PageResult<StoredChangeResponse> changes(@PathVariable String customerId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return licensing.changes(customer(customerId), PageRequest.of(page, size)).map(StoredChangeResponse::of);
    }

    @GetMapping("/licensechanges/{changeId}")
    StoredChangeResponse change(@PathVariable String customerId, @PathVariable String changeId) {
        return StoredChangeResponse.of(licensing.change(customer(customerId), Ids.parse(changeId, "license change")));
    }

    @GetMapping("/licensechanges/{changeId}/results")
    PageResult<UserResultResponse> results(@PathVariable String customerId, @PathVariable String changeId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return licensing.results(customer(customerId), Ids.parse(changeId, "license change"),
                PageRequest.of(page, size)).map(UserResultResponse::of);
    }

    /** The confirmation as CSV, streamed a page at a time. */
    @GetMapping(value = "/licensechanges/{changeId}/results.csv")
    void csv(@PathVariable String customerId, @PathVariable String changeId, HttpServletResponse response)
            throws IOException {
        CustomerId customer = customer(customerId);
        UUID id = Ids.parse(changeId, "license change");
        licensing.change(customer, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + LicenseChangeCsv.fileName(id) + "\"");
        LicenseChangeCsv.write(licensing, customer, id,
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @PostMapping("/licensechanges/{changeId}/undo")
    ResponseEntity<?> undo(@PathVariable String customerId, @PathVariable String changeId,
            @RequestParam(defaultValue = "false") boolean async) {
        CustomerId customer = customer(customerId);
        UUID id = Ids.parse(changeId, "license change");
        if (async) {
            return Accepted.of(customer, jobs.undo(customer, licensing.change(customer, id)));
        }
        return ResponseEntity.ok(ChangeResponse.of(licensing.undo(customer, id)));
    }

    @GetMapping("/licensesummary")
    LicenseSummary summary(@PathVariable String customerId, @RequestParam(required = false) String userIds,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String search) {
        return licensing.summary(customer(customerId), querySelection(userIds, filter, sku, search));
    }

    @PostMapping("/licensesummary")
    LicenseSummary summaryOf(@PathVariable String customerId, @RequestBody SelectionBody body) {
        return licensing.summary(customer(customerId), LicenseRequests.selection(body.userIds(), body.filter()));
    }

    @PostMapping("/licensesummary/{skuId}/users")
    PageResult<LicenseHolder> holders(@PathVariable String customerId, @PathVariable String skuId, @RequestBody SelectionBody body,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return licensing.holders(customer(customerId), LicenseRequests.selection(body.userIds(), body.filter()),
                new SkuId(Ids.parse(skuId, "subscription")), PageRequest.of(page, size));
    }

    @GetMapping("/licensesummary/{skuId}/users")
    PageResult<LicenseHolder> holdersByQuery(@PathVariable String customerId, @PathVariable String skuId,
            @RequestParam(required = false) String userIds, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String sku, @RequestParam(required = false) String search,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return licensing.holders(customer(customerId), querySelection(userIds, filter, sku, search),
                new SkuId(Ids.parse(skuId, "subscription")), PageRequest.of(page, size));
    }

    private static Selection querySelection(String userIds, String filter, String sku, String search) {
        if (userIds != null && !userIds.isBlank()) {
            return LicenseRequests.selection(Arrays.stream(userIds.split(",")).map(String::strip).toList(), null);
        }
        return new Selection.Matching(LicenseRequests.filter(filter, sku, search));
    }

    private static CustomerId customer(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }
}
