package io.seatwise.users.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.RestoreResult;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/customers/{id}/deletedusers}: the deleted users, and restoring them. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/deletedusers")
class DeletedUsersApiController {

    record DeletedUserResponse(UUID id, String userPrincipalName, String displayName, Instant deletedAt,
            Instant restorableUntil) {
    }

    record RestoreRequest(List<UUID> userIds) {
    }

    record NotRestored(UUID skuId, String code) {
    }

    record Error(String code, String message) {
    }

    record Result(UUID userId, String userPrincipalName, String status, List<UUID> restoredLicenses,
            List<NotRestored> notRestored, List<Error> errors) {
    }

    record RestoreResponse(int restored, int failed, List<Result> results) {
    }

    private final UsersService users;

    DeletedUsersApiController(UsersService users) {
        this.users = users;
    }

    @GetMapping
    PageResult<DeletedUserResponse> list(@PathVariable String customerId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResult<User> deleted = users.deleted(new CustomerId(Ids.parse(customerId, "customer")),
                PageRequest.of(page, size));
        return deleted.map(u -> new DeletedUserResponse(u.id().value(), u.userPrincipalName(), u.displayName(),
                u.deletedAt(), u.deletedAt().plus(users.retention())));
    }

    /** Restores users, each independently; the answer has one result per distinct user id, in request order. */
    @PostMapping("/restore")
    RestoreResponse restore(@PathVariable String customerId, @RequestBody RestoreRequest request) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        if (request == null || request.userIds() == null) {
            throw DomainException.invalid("validation", "userIds", "userIds is required");
        }
        List<UserId> ids = new ArrayList<>();
        for (UUID id : request.userIds()) {
            if (id == null) {
                throw DomainException.invalid("validation", "userIds", "a user id is missing");
            }
            ids.add(new UserId(id));
        }
        List<RestoreResult> results = users.restore(customer, ids);
        int restored = (int) results.stream().filter(RestoreResult::restored).count();
        return new RestoreResponse(restored, results.size() - restored, results.stream().map(r -> new Result(
                r.userId().value(), r.userPrincipalName(), r.restored() ? "restored" : "failed",
                r.restoredLicenses().stream().map(s -> s.value()).toList(),
                r.notRestored().stream().map(n -> new NotRestored(n.skuId().value(), n.code())).toList(),
                r.errors().stream().map(e -> new Error(e.code(), e.message())).toList())).toList());
    }
}
