package io.seatwise.provisioning;

/**
 * A SCIM request the server refuses: the HTTP status, RFC 7644 §3.12's {@code scimType} (null when none fits) and the
 * {@code detail}. Thrown anywhere under {@code /scim/v2} and answered as a {@link ScimError}.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    /** 400 with a {@code scimType} ({@code invalidValue}, {@code invalidPath}, {@code noTarget}, {@code mutability}, …). */
    public static ScimException badRequest(String scimType, String detail) {
        return new ScimException(400, scimType, detail);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }
}
