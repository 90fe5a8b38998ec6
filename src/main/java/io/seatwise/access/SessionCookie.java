package io.seatwise.access;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's session cookie ({@code SESSION}, written by Spring Session's cookie serializer): never readable by
 * scripts, not sent on cross-site sub-requests or posts (a second line against CSRF beside the tokens), and
 * {@code Secure} whenever the request came over HTTPS. "Came over HTTPS" is {@code request.isSecure()}: true on an
 * HTTPS connector, and behind a proxy when Tomcat's RemoteIpValve took the proxy's {@code X-Forwarded-Proto}
 * ({@code server.forward-headers-strategy=native}, trusted only from {@code server.tomcat.remoteip.internal-proxies};
 * README, "Behind a proxy"). Said here rather than left to the defaults so that no property or library change
 * drops an attribute unnoticed (SessionCookieTests).
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    @Bean
    DefaultCookieSerializerCustomizer hardenedSessionCookie() {
        return serializer -> {
            serializer.setUseHttpOnlyCookie(true);
            serializer.setSameSite("Lax");
            // Secure is left unset on purpose: the serializer then marks it Secure exactly when request.isSecure(),
            // so a plain-HTTP local trial still keeps its session while every HTTPS answer is Secure.
        };
    }
}
