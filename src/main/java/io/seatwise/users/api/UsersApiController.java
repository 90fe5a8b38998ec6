package io.seatwise.users.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.CreatedUser;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import io.seatwise.users.PageAnchor;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses.LicenseOutcome;
import io.seatwise.users.UserLicenses.LicenseRequest;
import io.seatwise.users.UserUpdate;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/customers/{id}/users}: create, list, get, edit, delete, reset password. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/users")
class UsersApiController {

    /** A product to give the new user (Partner Center's shape). */
    record LicenseToAssign(UUID skuId, List<UUID> excludedPlans) {
    }

    record CreateUserRequest(String userPrincipalName, String firstName, String lastName, String displayName,
            String usageLocation, String directoryRole, List<LicenseToAssign> licensesToAssign) {
    }

    /** A user; {@code licenses} (the sku ids of the products it holds) on the list's items only. */
    record UserResponse(UUID id, UUID customerId, String userPrincipalName, String firstName, String lastName,
            String displayName, String usageLocation, String directoryRole, boolean signInBlocked,
            Instant createdAt, Instant deletedAt,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<UUID> licenses) {

        static UserResponse of(User u) {
            return of(u, null);
        }

        static UserResponse of(User u, List<SkuId> licenses) {
            return new UserResponse(u.id().value(), u.customerId().value(), u.userPrincipalName(), u.firstName(),
                    u.lastName(), u.displayName(), u.usageLocation(), u.directoryRole().name(), u.signInBlocked(),
                    u.createdAt(), u.deletedAt(), licenses == null ? null
                            : licenses.stream().map(SkuId::value).sorted().toList());
        }
    }

    /** A license not given, in the licensing API's shape: Microsoft's code, the product, why, the plans and products. */
    record LicenseErrorResponse(String code, UUID skuId, String message, List<UUID> servicePlans,
            List<UUID> products) {

        static LicenseErrorResponse of(LicenseFailure f) {
            return new LicenseErrorResponse(f.code(), f.skuId() == null ? null : f.skuId().value(), f.message(),
                    f.servicePlans().stream().map(p -> p.value()).toList(),
                    f.products().stream().map(p -> p.value()).toList());
        }
    }

    /** The outcome of the licenses asked for at creation; the change is stored under {@code changeId}. */
    record LicensesResponse(UUID changeId, String status, List<LicenseErrorResponse> errors) {

        static LicensesResponse of(LicenseOutcome o) {
            return o == null ? null : new LicensesResponse(o.changeId(), o.succeeded() ? "succeeded" : "failed",
                    o.errors().stream().map(LicenseErrorResponse::of).toList());
        }
    }

    /** The created user, its temporary password (this once) and, when licenses were asked for, their outcome. */
    record CreatedUserResponse(UUID id, UUID customerId, String userPrincipalName, String firstName, String lastName,
            String displayName, String usageLocation, String directoryRole, boolean signInBlocked,
            Instant createdAt, String temporaryPassword, LicensesResponse licenses, UUID passwordSheetId) {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "CreatedUserResponse[id=" + id + ", userPrincipalName=" + userPrincipalName + ", temporaryPassword=(hidden)]";
        }
    }

    record PasswordResetResponse(UUID userId, String userPrincipalName, String temporaryPassword) {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "PasswordResetResponse[userId=" + userId + ", temporaryPassword=(hidden)]";
        }
    }

    private final UsersService users;

    UsersApiController(UsersService users) {
        this.users = users;
    }

    @PostMapping
    /**
     * Creates a user; the answer carries its temporary password this once. {@code ?passwordSheet=new} also puts
     * it on a new password sheet, {@code ?passwordSheet=<id>} on an open one of yours ("Add another user"), to be
     * downloaded or mailed later with the others (the answer names the sheet).
     */
    ResponseEntity<CreatedUserResponse> create(@PathVariable String customerId,
            @RequestBody CreateUserRequest request, @RequestParam(required = false) String passwordSheet) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        boolean onSheet = passwordSheet != null && !passwordSheet.isBlank();
        UUID sheet = onSheet && !"new".equals(passwordSheet.strip())
                ? Ids.parseField(passwordSheet.strip(), "passwordSheet") : null;
        NewUser command = new NewUser(request.userPrincipalName(), request.firstName(), request.lastName(),
                request.displayName(), request.usageLocation(), role(request.directoryRole()));
        List<LicenseRequest> licenses = licenses(request.licensesToAssign());
        CreatedUser created = onSheet ? users.createOnSheet(customer, command, licenses, sheet)
                : users.create(customer, command, licenses);
        User u = created.user();
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/users/" + u.id()))
                .body(new CreatedUserResponse(u.id().value(), u.customerId().value(), u.userPrincipalName(),
                        u.firstName(), u.lastName(), u.displayName(), u.usageLocation(), u.directoryRole().name(),
                        u.signInBlocked(), u.createdAt(), created.temporaryPassword(),
                        LicensesResponse.of(created.licenses()), created.passwordSheetId()));
    }

    private static List<LicenseRequest> licenses(List<LicenseToAssign> requested) {
        if (requested == null) {
            return List.of();
        }
        List<LicenseRequest> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LicenseToAssign l = requested.get(i);
            if (l == null || l.skuId() == null) {
                throw DomainException.invalid("validation", "licensesToAssign[" + i + "].skuId", "skuId is required");
            }
            Set<ServicePlanId> excluded = l.excludedPlans() == null ? Set.of() : l.excludedPlans().stream()
                    .map(p -> {
                        if (p == null) {
                            throw DomainException.invalid("validation", "licensesToAssign.excludedPlans",
                                    "a service plan id is missing");
                        }
                        return new ServicePlanId(p);
                    }).collect(java.util.stream.Collectors.toSet());
            result.add(new LicenseRequest(new SkuId(l.skuId()), excluded));
        }
        return result;
    }

    /**
     * Edits a user: any of firstName, lastName (null clears them), displayName, usageLocation, directoryRole,
     * signInBlocked. Fields not sent stay as they are; an unknown field is refused.
     */
    @PatchMapping("/{userId}")
    UserResponse update(@PathVariable String customerId, @PathVariable String userId, @RequestBody JsonNode body) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        UserId user = new UserId(Ids.parse(userId, "user"));
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("validation", null, "the body must be a JSON object");
        }
        Set<String> known = Set.of("firstName", "lastName", "displayName", "usageLocation", "directoryRole",
                "signInBlocked");
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                throw DomainException.invalid("validation", name, "unknown field " + name + "; editable are "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        UserUpdate update = new UserUpdate(optionalText(body, "firstName"), optionalText(body, "lastName"),
                requiredText(body, "displayName"), requiredText(body, "usageLocation"),
                body.has("directoryRole") ? role(requiredText(body, "directoryRole")) : null,
                flag(body, "signInBlocked"));
        return UserResponse.of(users.update(customer, user, update));
    }

    private static Optional<String> optionalText(JsonNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode v = body.get(field);
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw DomainException.invalid("validation", field, field + " must be a string");
        }
        return Optional.of(v.stringValue());
    }

    private static String requiredText(JsonNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode v = body.get(field);
        if (!v.isString()) {
            throw DomainException.invalid("validation", field, field + " must be a string");
        }
        return v.stringValue();
    }

    private static Boolean flag(JsonNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode v = body.get(field);
        if (!v.isBoolean()) {
            throw DomainException.invalid("validation", field, field + " must be true or false");
        }
        return v.booleanValue();
    }

    /** Deletes a user softly (restorable during the retention period); its seats are freed. */
    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String customerId, @PathVariable String userId) {
        users.delete(new CustomerId(Ids.parse(customerId, "customer")), new UserId(Ids.parse(userId, "user")));
    }

    /** A new temporary password, shown this once; the user must change it at the next sign-in. */
    @PostMapping("/{userId}/resetpassword")
    PasswordResetResponse resetPassword(@PathVariable String customerId, @PathVariable String userId) {
        CreatedUser reset = users.resetPassword(new CustomerId(Ids.parse(customerId, "customer")),
                new UserId(Ids.parse(userId, "user")));
        return new PasswordResetResponse(reset.user().id().value(), reset.user().userPrincipalName(),
                reset.temporaryPassword());
    }

    /**
     * {@code ?filter=all|licensed|unlicensed|hasProduct|lacksProduct|admins|blocked|deleted&sku=&search=&sort=}.
     * {@code licensed} or {@code unlicensed} with a {@code sku} mean has or lacks that product; {@code search} finds
     * users whose display name, first name, last name or user name starts with it. Optional {@code after} (the id
     * of the last user of page − 1, for Next) or {@code before} (the first user of page + 1, for Previous) read the
     * page by seeking from that user rather than skipping rows; the answer is the same. Each user comes with
     * {@code licenses}, the products it holds, read for the page in one statement (deleted users' are suspended:
     * none).
     */
    @GetMapping
    PageResult<UserResponse> list(@PathVariable String customerId, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String sku, @RequestParam(required = false) String search,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        UserFilter userFilter = UserFilter.parse(filter, sku, search);
        PageResult<User> listed = users.list(customer, userFilter, UserSort.parse(sort), PageRequest.of(page, size),
                new PageAnchor(userId(after, "after"), userId(before, "before")));
        Map<UserId, List<SkuId>> held = userFilter.type() == UserFilter.Type.DELETED ? Map.of()
                : users.licensedProducts(customer, listed.items().stream().map(User::id).toList());
        return listed.map(u -> UserResponse.of(u, held.getOrDefault(u.id(), List.of())));
    }

    private static UserId userId(String text, String field) {
        return text == null || text.isBlank() ? null : new UserId(Ids.parseField(text, field));
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
