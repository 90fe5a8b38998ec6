package io.seatwise.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The response headers every answer carries, console page, API answer, error page and static asset alike (each of
 * access.SecurityConfig's filter chains applies them, and so does the answer to a request the firewall refuses).
 * Spring Security's defaults stay on beside them:
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Cache-Control} on non-static
 * answers and HSTS over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityHeaders {

    /**
     * Scripts and styles only from Seatwise's own files: no inline script, no {@code eval} (htmx runs with
     * {@code allowEval=false}, see fragments/head.html), no inline style attribute or element (htmx's indicator
     * style is switched off; scripts that set {@code element.style} go through the CSSOM, which CSP allows).
     * {@code data:} images because Bootstrap draws its check marks, select arrows and menu icon as inline SVG in
     * its stylesheet. Nothing may frame a page (clickjacking), and forms post only to Seatwise.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Browser features the console never uses, switched off for it and for anything it could ever embed. Only
     * features Chromium knows: an unknown one makes it log an error on every page.
     */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), "
            + "display-capture=(), encrypted-media=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
            + "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), screen-wake-lock=(), "
            + "serial=(), usb=(), xr-spatial-tracking=()";

    SecurityHeaders() {
    }

    /** For {@code http.headers(SecurityHeaders.all())} in every filter chain. */
    public static Customizer<HeadersConfigurer<HttpSecurity>> all() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                // Links to other sites get no address of a console page (they hold customer ids and searches).
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    /**
     * A request Spring Security's firewall refuses (e.g. {@code ;} or an encoded {@code ..} in its path) is answered
     * before any filter chain, so before their header writers: it gets the same headers here, then the usual 400.
     */
    @Bean
    RequestRejectedHandler hardenedRequestRejectedHandler() {
        List<HeaderWriter> writers = List.of(new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN),
                new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY), new XContentTypeOptionsHeaderWriter());
        RequestRejectedHandler badRequest = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            writers.forEach(writer -> writer.writeHeaders(request, response));
            badRequest.handle(request, response, rejected);
        };
    }
}
