package io.seatwise.users;

import java.io.Serial;
import java.io.Serializable;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.util.WebUtils;
import org.springframework.modulith.NamedInterface;

/**
 * The console's selection of a customer's users, kept in the HTTP session per customer so that it survives paging,
 * filtering, sorting and searching and works with plain forms: either explicit users (with their names, so chips
 * and the Selected users view sort without a query) or "every user matching a filter", which stays a filter.
 */
@NamedInterface("api")
public final class SelectedUsers implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** At most this many users picked one by one; more are selected as "all matching" instead. */
    public static final int MAX = 10_000;

    private static final String ATTRIBUTE = SelectedUsers.class.getName();

    /** A picked user, with what the chips and the Selected users view show. */
    @NamedInterface("api")
    public record Entry(UUID id, String displayName, String userPrincipalName) implements Serializable {
    }

    private final LinkedHashMap<UUID, Entry> users = new LinkedHashMap<>();
    private String filterType;
    private String filterSku;
    private String filterSearch;

    /** The selection for a customer in this session, created empty when there is none. */
    @SuppressWarnings("unchecked")
    public static SelectedUsers in(HttpSession session, CustomerId customer) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<UUID, SelectedUsers> all = (Map<UUID, SelectedUsers>) session.getAttribute(ATTRIBUTE);
            if (all == null) {
                all = new LinkedHashMap<>();
            }
            SelectedUsers selection = all.computeIfAbsent(customer.value(), k -> new SelectedUsers());
            session.setAttribute(ATTRIBUTE, all);
            return selection;
        }
    }

    /** Stores a changed selection again, so that a session kept outside the JVM sees the change. */
    public static void save(HttpSession session) {
        Object all = session.getAttribute(ATTRIBUTE);
        if (all != null) {
            session.setAttribute(ATTRIBUTE, all);
        }
    }

    public synchronized boolean isMatching() {
        return filterType != null;
    }

    public synchronized boolean isEmpty() {
        return !isMatching() && users.isEmpty();
    }

    /** The filter of an "all matching" selection, or null. */
    public synchronized UserFilter filter() {
        return isMatching() ? new UserFilter(UserFilter.Type.valueOf(filterType),
                filterSku == null ? null : SkuId.of(filterSku), filterSearch) : null;
    }

    /** Picked users, how many. */
    public synchronized int size() {
        return users.size();
    }

    public synchronized boolean contains(UUID id) {
        return users.containsKey(id);
    }

    /** Picked users sorted by display name (then user name) in the given language. */
    public synchronized List<Entry> sorted(Locale locale, boolean byUserName, boolean descending) {
        Collator collator = Collator.getInstance(locale);
        Comparator<Entry> order = byUserName
                ? Comparator.comparing(e -> e.userPrincipalName().toLowerCase(Locale.ROOT))
                : Comparator.<Entry, String>comparing(e -> e.displayName() == null ? "" : e.displayName(), collator)
                        .thenComparing(e -> e.userPrincipalName().toLowerCase(Locale.ROOT));
        List<Entry> list = new ArrayList<>(users.values());
        list.sort(descending ? order.reversed() : order);
        return list;
    }

    /** Changes whenever the selection does: lets a form made for one selection refuse to act on another. */
    public synchronized String fingerprint() {
        if (isMatching()) {
            return "m" + Integer.toHexString(java.util.Objects.hash(filterType, filterSku, filterSearch));
        }
        long sum = 0;
        for (UUID id : users.keySet()) {
            sum += id.getMostSignificantBits() * 31 + id.getLeastSignificantBits();
        }
        return "u" + users.size() + "-" + Long.toHexString(sum);
    }

    public synchronized List<UserId> ids() {
        return users.keySet().stream().map(UserId::new).toList();
    }

    /** Adds users; false (and nothing added) when the selection would then hold more than {@link #MAX}. */
    public synchronized boolean add(List<User> picked) {
        long fresh = picked.stream().filter(u -> !users.containsKey(u.id().value())).count();
        if (users.size() + fresh > MAX) {
            return false;
        }
        picked.forEach(u -> users.put(u.id().value(), new Entry(u.id().value(), u.displayName(),
                u.userPrincipalName())));
        return true;
    }

    public synchronized void remove(UUID id) {
        users.remove(id);
    }

    /** Every user matching the filter, at the time a change runs; replaces the picked users. */
    public synchronized void selectMatching(UserFilter filter) {
        users.clear();
        filterType = filter.type().name();
        filterSku = filter.skuId() == null ? null : filter.skuId().toString();
        filterSearch = filter.search();
    }

    /** Turns an "all matching" selection into these picked users (so that single users can be taken out). */
    public synchronized void pickInstead(List<User> matching) {
        clear();
        add(matching);
    }

    public synchronized void clear() {
        users.clear();
        filterType = null;
        filterSku = null;
        filterSearch = null;
    }
}
