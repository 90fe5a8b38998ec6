package io.seatwise.provisioning;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attributes kept for provisioning only ({@link ScimUserProfile}): stored at each POST/PUT/PATCH (a PUT's
 * attributes left out are cleared), read a page of users at a time, and each change published as
 * {@link ScimUserProfileChanged} for the activity log. Joins the caller's transaction.
 */
@Service
@Transactional
class ScimUserProfiles {

    private final ScimUserProfileRepository repository;
    private final ApplicationEventPublisher events;

    ScimUserProfiles(ScimUserProfileRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** Set-based: the kept attributes of each of these users (users with nothing kept may be left out). */
    @Transactional(readOnly = true)
    Map<UserId, ScimUserProfile> of(CustomerId customer, Collection<UserId> users) {
        return users.isEmpty() ? Map.of() : repository.of(customer, users);
    }

    /**
     * Makes the user's kept attributes what the resource sent ({@code sent} null: nothing kept); emails null leave
     * the stored ones. Nothing changed writes nothing and logs nothing.
     */
    void store(CustomerId customer, User user, ScimUserProfile sent) {
        store(customer, user, sent, repository.of(customer, List.of(user.id())).getOrDefault(user.id(),
                ScimUserProfile.NONE));
    }

    /** As {@link #store} for a user just created: nothing is kept yet, so nothing is read. */
    void storeNew(CustomerId customer, User user, ScimUserProfile sent) {
        store(customer, user, sent, ScimUserProfile.NONE);
    }

    private void store(CustomerId customer, User user, ScimUserProfile sent, ScimUserProfile before) {
        ScimUserProfile wanted = sent == null ? ScimUserProfile.NONE : sent;
        ScimUserProfile after = wanted.emails() == null ? wanted.withEmails(before.emails()) : wanted;
        List<ScimUserProfile.Change> changes = after.changesFrom(before);
        if (changes.isEmpty()) {
            return;
        }
        repository.replace(customer, user.id(), before, after);
        events.publishEvent(new ScimUserProfileChanged(customer, user.id(), user.userPrincipalName(),
                changes.stream().map(c -> new ScimUserProfileChanged.Change(c.field(), c.before(), c.after()))
                        .toList()));
    }
}
