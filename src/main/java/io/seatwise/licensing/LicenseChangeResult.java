package io.seatwise.licensing;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of a license change or its preview: counts, per-product seats, and per-user results — cut after
 * 1,000 users, the rest read in pages from the stored change.
 */
public record LicenseChangeResult(UUID id, boolean preview, int selected, int succeeded, int failed,
        List<UserOutcome> results, boolean resultsTruncated, List<ProductSeats> products, int changed) {
}
