package io.seatwise.users;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.UserEvents.UserCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer user accounts. */
@Service
@Transactional
public class UsersService {

    private final UserRepository repository;
    private final UserListQuery listQuery;
    private final CustomersService customers;
    private final ApplicationEventPublisher events;

    UsersService(UserRepository repository, UserListQuery listQuery, CustomersService customers,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.listQuery = listQuery;
        this.customers = customers;
        this.events = events;
    }

    @PreAuthorize("hasAuthority('users:write')")
    public User create(CustomerId customerId, NewUser command) {
        Customer customer = customers.require(customerId);
        if (!customer.ownsDomain(command.domain())) {
            throw DomainException.invalid("domain-not-owned", "userPrincipalName",
                    "domain " + command.domain() + " is not one of the customer's domains");
        }
        NewUser user = command.usageLocation() == null ? command.withUsageLocation(customer.country()) : command;
        if (repository.userNameTaken(user.userPrincipalName())) {
            throw userNameTaken(user);
        }
        User created = new User(UserId.generate(), customerId, user.userPrincipalName(), user.firstName(),
                user.lastName(), user.displayName(), user.usageLocation(), user.directoryRole(), false,
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        try {
            repository.insert(created);
        } catch (DuplicateKeyException raced) {
            throw userNameTaken(user);
        }
        events.publishEvent(new UserCreated(customerId, created.id(), created.userPrincipalName()));
        return created;
    }

    private static DomainException userNameTaken(NewUser user) {
        return DomainException.conflict("user-name-taken", "userPrincipalName",
                "user name " + user.userPrincipalName() + " is already taken");
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> list(CustomerId customerId, PageRequest page) {
        return list(customerId, UserFilter.ALL_USERS, UserSort.DEFAULT, page);
    }

    /** The users list: filtered, searched, sorted and paged, with the total count. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> list(CustomerId customerId, UserFilter filter, UserSort sort, PageRequest page) {
        return list(customerId, filter, sort, page, PageAnchor.NONE);
    }

    /** The users list, Next or Previous seeking from the user at the edge of the page before instead of skipping. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> list(CustomerId customerId, UserFilter filter, UserSort sort, PageRequest page,
            PageAnchor anchor) {
        customers.require(customerId);
        return listQuery.list(customerId, filter, sort, page, anchor);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public User get(CustomerId customerId, UserId userId) {
        return repository.find(customerId, userId).orElseThrow(() -> DomainException.notFound("user"));
    }
}
