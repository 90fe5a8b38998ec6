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
            @RequestParam(required = false) String search, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return log.search(new ActivityQuery(customer(customerId), actor, action, search), PageRequest.of(page, size));
    }

    /** A filter, not a resource: text that is no id is a bad request (an unknown id simply matches nothing). */
    private static UUID customer(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return null;
        }
        return Ids.parseField(customerId, "customerId");
    }
}
