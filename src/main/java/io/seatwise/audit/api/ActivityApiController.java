package io.seatwise.audit.api;

import java.util.UUID;

import io.seatwise.audit.ActivityEntry;
import io.seatwise.audit.ActivityLog;
import io.seatwise.audit.ActivityQuery;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/activity}: the activity log, newest first, filtered by customer, actor, action or text. */
@RestController
@RequestMapping("/api/v1/activity")
class ActivityApiController {

    private final ActivityLog log;

    ActivityApiController(ActivityLog log) {
        this.log = log;
    }

    @GetMapping
    PageResult<ActivityEntry> search(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String search, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return log.search(new ActivityQuery(customer(customerId), actor, action, search, instant(from, "from", false),
                instant(to, "to", true)), PageRequest.of(page, size));
    }

    /**
     * An instant (2026-11-21T10:00:00Z) or a day in UTC (2026-11-21): {@code from} starts with the day, {@code to}
     * (exclusive) ends with it.
     */
    private static java.time.Instant instant(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(text.strip());
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return ActivityQuery.startOfDay(text, java.time.ZoneOffset.UTC, endOfDay ? 1 : 0)
                    .orElseThrow(() -> io.seatwise.shared.DomainException.invalid("validation", field,
                            "expected a day such as 2026-11-21 or an instant such as 2026-11-21T10:00:00Z"));
        }
    }

    /** A filter, not a resource: text that is no id is a bad request (an unknown id simply matches nothing). */
    private static UUID customer(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return null;
        }
        return Ids.parseField(customerId, "customerId");
    }
}
