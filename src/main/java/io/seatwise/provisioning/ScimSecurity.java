package io.seatwise.provisioning;

import io.seatwise.access.RequestBudgets;
import io.seatwise.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The filter chain of {@code /scim/v2/**}: SCIM tokens only (an API token, a session cookie or a password opens
 * nothing here, and a SCIM token opens nothing elsewhere since no other chain knows it), stateless, no CSRF since no
 * cookie authenticates it, errors as SCIM errors. Its paths are disjoint from the API's chains and it comes before
 * the console's, which takes every other request.
 */
@Configuration
class ScimSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain scimChain(HttpSecurity http, ScimTokens tokens, RequestBudgets budgets) throws Exception {
        http.securityMatcher("/scim/v2", "/scim/v2/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(ScimTokenFilter.AUTHORITY))
                .addFilterBefore(new ScimTokenFilter(tokens, budgets), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .headers(SecurityHeaders.all())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ScimError.write(response, 401,
                                "Send Authorization: Bearer <SCIM token>; the customer's Provisioning page makes one."))
                        .accessDeniedHandler((request, response, ex) -> ScimError.write(response, 403,
                                "Only a SCIM provisioning token opens /scim/v2.")));
        return http.build();
    }
}
