package io.seatwise.provisioning;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * RFC 7644 §3.12's error response: schema {@code urn:ietf:params:scim:api:messages:2.0:Error}, the HTTP status as a
 * string, an optional {@code scimType} and a {@code detail}; always {@code application/scim+json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimError(List<String> schemas, String status, String scimType, String detail) {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String MEDIA_TYPE = "application/scim+json";
    public static final MediaType SCIM_JSON = MediaType.parseMediaType(MEDIA_TYPE);

    public static ScimError of(int status, String scimType, String detail) {
        return new ScimError(List.of(SCHEMA), Integer.toString(status), scimType, detail);
    }

    /** As a controller's answer. */
    public static ResponseEntity<ScimError> response(int status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(SCIM_JSON).body(of(status, scimType, detail));
    }

    /** Written by a security filter, before any controller runs; a 401 also says to send a bearer token. */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write("{\"schemas\":[\"" + SCHEMA + "\"],\"status\":\"" + status + "\",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}");
    }
}
