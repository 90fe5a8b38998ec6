package io.seatwise.audit;

import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the activity log. */
@Service
@Transactional(readOnly = true)
public class ActivityLog {

    private final ActivityRepository repository;

    ActivityLog(ActivityRepository repository) {
        this.repository = repository;
    }

    @PreAuthorize("hasAuthority('audit:read')")
    public PageResult<ActivityEntry> search(ActivityQuery query, PageRequest page) {
        return repository.search(query, page);
    }

    /** Every line the query finds, newest first, one at a time (for an export of any size). */
    @PreAuthorize("hasAuthority('audit:read')")
    public void forEach(ActivityQuery query, java.util.function.Consumer<ActivityEntry> consumer) {
        repository.forEach(query, consumer);
    }
}
