package io.seatwise.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the activity log; null means any. {@code from} is inclusive, {@code to} exclusive. */
public record ActivityQuery(UUID customerId, String actor, String action, String text, Instant from, Instant to) {

    public ActivityQuery(UUID customerId, String actor, String action, String text) {
        this(customerId, actor, action, text, null, null);
    }

    /**
     * The start of a day written as 2026-11-21, plus {@code days}, in {@code zone}: {@code from} is the day's start
     * ({@code days} 0), an inclusive {@code to} the next day's (1). Empty when the text is no such day (years
     * 1970–9999). The console reads days in the zone it shows times in, the API in UTC.
     */
    public static java.util.Optional<Instant> startOfDay(String text, java.time.ZoneId zone, int days) {
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(text.strip());
            if (date.getYear() < 1970 || date.getYear() > 9999) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(date.plusDays(days).atStartOfDay(zone).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
