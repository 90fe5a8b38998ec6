package io.seatwise.users;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.users.UserEvents.UsersRestored;
import io.seatwise.users.UserLicenses.RestoredLicenses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores deleted users within the retention period ({@code seatwise.deleted-user-retention}), each independently,
 * with their previous licenses where a seat is free; {@link UsersService#restore} checks the customer and the
 * caller's authority and hands the request here.
 */
@Service
@Transactional
class UserRestore {

    private final UserRepository repository;
    private final UserLicenses licenses;
    private final ApplicationEventPublisher events;
    private final Duration retention;

    UserRestore(UserRepository repository, UserLicenses licenses, ApplicationEventPublisher events,
            @Value("${seatwise.deleted-user-retention:30d}") Duration retention) {
        this.repository = repository;
        this.licenses = licenses;
        this.events = events;
        this.retention = retention;
    }

    /** How long a deleted user can be restored. */
    Duration retention() {
        return retention;
    }

    /** As {@link UsersService#restore}: one result per distinct id, in the order asked. */
    List<RestoreResult> restore(CustomerId customerId, List<UserId> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw DomainException.invalid("validation", "userIds", "select at least one user");
        }
        List<UserId> ids = List.copyOf(new LinkedHashSet<>(userIds));
        if (ids.size() > UsersService.MAX_RESTORE) {
            throw DomainException.invalid("validation", "userIds",
                    "at most " + UsersService.MAX_RESTORE + " users per request");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<UserId, User> found = repository.findAll(customerId, ids);
        Map<UserId, RestoreResult> failed = refusals(ids, found, now.minus(retention));
        List<UserId> restorable = ids.stream().filter(id -> !failed.containsKey(id)).toList();
        try {
            repository.restore(customerId, restorable, now);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("user-name-taken", "userIds",
                    "a user name was taken while restoring; nothing was restored, try again");
        }
        Map<UserId, RestoredLicenses> back = licenses.restore(customerId, restorable);
        List<RestoreResult> results = new ArrayList<>(ids.size());
        int licensesBack = 0;
        int licensesLost = 0;
        for (UserId id : ids) {
            RestoreResult r = failed.get(id);
            if (r == null) {
                RestoredLicenses l = back.getOrDefault(id, new RestoredLicenses(List.of(), List.of()));
                licensesBack += l.restored().size();
                licensesLost += l.notRestored().size();
                r = new RestoreResult(id, found.get(id).userPrincipalName(), true, l.restored(), l.notRestored(),
                        List.of());
            }
            results.add(r);
        }
        events.publishEvent(new UsersRestored(customerId, ids.size(), restorable.size(), failed.size(), licensesBack,
                licensesLost));
        return results;
    }

    /** Why users cannot be restored, each by id; those left out can. */
    private Map<UserId, RestoreResult> refusals(List<UserId> ids, Map<UserId, User> found, Instant cutoff) {
        Set<String> taken = repository.takenNames(found.values().stream().filter(u -> u.deletedAt() != null)
                .map(u -> u.userPrincipalName().toLowerCase(Locale.ROOT)).toList());
        Map<UserId, RestoreResult> failed = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        for (UserId id : ids) {
            User u = found.get(id);
            String name = u == null ? null : u.userPrincipalName();
            if (u == null) {
                failed.put(id, RestoreResult.failed(id, null, "UserNotFound", "no such user"));
            } else if (u.deletedAt() == null) {
                failed.put(id, RestoreResult.failed(id, name, "UserNotDeleted", "the user is not deleted"));
            } else if (GlobalAdminGuard.refusal(u).isPresent()) {
                failed.put(id, RestoreResult.failed(id, name, "Forbidden", GlobalAdminGuard.refusal(u).get()));
            } else if (u.deletedAt().isBefore(cutoff)) {
                failed.put(id, RestoreResult.failed(id, name, "RetentionExpired",
                        "deleted more than " + retention.toDays() + " days ago"));
            } else if (taken.contains(name.toLowerCase(Locale.ROOT))) {
                failed.put(id, RestoreResult.failed(id, name, "UserNameConflict",
                        "the user name " + name + " has been taken by another user"));
            } else if (!claimed.add(name.toLowerCase(Locale.ROOT))) {
                // Two deleted users of one name (deleted, made again, deleted again): the first asked for wins.
                failed.put(id, RestoreResult.failed(id, name, "UserNameConflict",
                        "another user restored in this request has the user name " + name));
            }
        }
        return failed;
    }
}
