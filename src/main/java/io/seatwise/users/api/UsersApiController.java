package io.seatwise.users.api;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import io.seatwise.users.PageAnchor;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/customers/{id}/users}: create, list, get. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/users")
class UsersApiController {

    record CreateUserRequest(String userPrincipalName, String firstName, String lastName, String displayName,
            String usageLocation, String directoryRole) {
    }

    record UserResponse(UUID id, UUID customerId, String userPrincipalName, String firstName, String lastName,
            String displayName, String usageLocation, String directoryRole, boolean signInBlocked,
            Instant createdAt) {

        static UserResponse of(User u) {
            return new UserResponse(u.id().value(), u.customerId().value(), u.userPrincipalName(), u.firstName(),
                    u.lastName(), u.displayName(), u.usageLocation(), u.directoryRole().name(), u.signInBlocked(),
                    u.createdAt());
        }
    }

    private final UsersService users;

    UsersApiController(UsersService users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<UserResponse> create(@PathVariable String customerId, @RequestBody CreateUserRequest request) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        User user = users.create(customer, new NewUser(request.userPrincipalName(), request.firstName(),
                request.lastName(), request.displayName(), request.usageLocation(), role(request.directoryRole())));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/users/" + user.id()))
                .body(UserResponse.of(user));
    }

    /**
     * {@code ?filter=all|licensed|unlicensed|hasProduct|lacksProduct|admins|blocked|deleted&sku=&search=&sort=}.
     * {@code licensed} or {@code unlicensed} with a {@code sku} mean has or lacks that product; {@code search} finds
     * users whose display name, first name, last name or user name starts with it. Optional {@code after} (the id
     * of the last user of page − 1, for Next) or {@code before} (the first user of page + 1, for Previous) read the
     * page by seeking from that user rather than skipping rows; the answer is the same.
     */
    @GetMapping
    PageResult<UserResponse> list(@PathVariable String customerId, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String sku, @RequestParam(required = false) String search,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before) {
        return users.list(new CustomerId(Ids.parse(customerId, "customer")), filter(filter, sku, search),
                UserSort.parse(sort), PageRequest.of(page, size), new PageAnchor(userId(after, "after"),
                        userId(before, "before"))).map(UserResponse::of);
    }

    private static UserId userId(String text, String field) {
        return text == null || text.isBlank() ? null : new UserId(Ids.parseField(text, field));
    }

    private static UserFilter filter(String filter, String sku, String search) {
        UserFilter.Type type = UserFilter.type(filter);
        SkuId product = null;
        if (sku != null && !sku.isBlank()) {
            product = new SkuId(Ids.parseField(sku, "sku"));
            if (type == UserFilter.Type.LICENSED) {
                type = UserFilter.Type.HAS_PRODUCT;
            } else if (type == UserFilter.Type.UNLICENSED) {
                type = UserFilter.Type.LACKS_PRODUCT;
            }
        }
        return new UserFilter(type, product, search);
    }

    @GetMapping("/{userId}")
    UserResponse get(@PathVariable String customerId, @PathVariable String userId) {
        return UserResponse.of(users.get(new CustomerId(Ids.parse(customerId, "customer")),
                new UserId(Ids.parse(userId, "user"))));
    }

    private static DirectoryRole role(String text) {
        if (text == null || text.isBlank()) {
            return DirectoryRole.NONE;
        }
        try {
            return DirectoryRole.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("validation", "directoryRole", "directoryRole must be one of "
                    + Arrays.toString(DirectoryRole.values()));
        }
    }
}
