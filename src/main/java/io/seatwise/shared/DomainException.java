package io.seatwise.shared;

import java.util.Map;

/**
 * A request that was wrong as a whole and changed nothing. Knows nothing of HTTP: the web layer maps
 * {@link Kind} to a status and {@link #type()} to the problem's stable type.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, in terms the web layer can map to a status. */
    public enum Kind { NOT_FOUND, INVALID, CONFLICT, FORBIDDEN, TOO_MANY }

    /** The property of a {@link Kind#TOO_MANY} error that says in how many seconds to try again. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    private final Kind kind;
    private final String type;
    private final String field;
    private final transient Map<String, Object> properties;

    public DomainException(Kind kind, String type, String field, String message, Map<String, Object> properties) {
        super(message);
        this.kind = kind;
        this.type = type;
        this.field = field;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "not-found", null, what + " not found", null);
    }

    public static DomainException invalid(String type, String field, String message) {
        return new DomainException(Kind.INVALID, type, field, message, null);
    }

    public static DomainException conflict(String type, String field, String message) {
        return new DomainException(Kind.CONFLICT, type, field, message, null);
    }

    /** Too much at once (the customer's imports, say): nothing was done; try again after {@code retryAfter}. */
    public static DomainException tooMany(String type, String message, java.time.Duration retryAfter) {
        return new DomainException(Kind.TOO_MANY, type, null, message,
                Map.of(RETRY_AFTER, Math.max(1, retryAfter.toSeconds())));
    }

    public Kind kind() {
        return kind;
    }

    /** Stable short name of the problem, e.g. {@code domain-taken}. */
    public String type() {
        return type;
    }

    /** The offending input field, or null. */
    public String field() {
        return field;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
