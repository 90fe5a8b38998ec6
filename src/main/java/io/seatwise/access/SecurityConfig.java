package io.seatwise.access;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three filter chains: token creation (HTTP Basic or bearer), the rest of the API (bearer tokens only, stateless,
 * no CSRF since no cookie authenticates it), and the console (form sign-in, session, CSRF on).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final AuthenticationEntryPoint API_ENTRY_POINT = (request, response, e) ->
            ProblemResponses.write(response, 401, "unauthorized", "Unauthorized",
                    "Send Authorization: Bearer <token>; create a token with POST /api/v1/tokens.");
    private static final AccessDeniedHandler API_DENIED = (request, response, e) ->
            ProblemResponses.write(response, 403, "forbidden", "Forbidden", "Your role does not allow this.");

    @Bean
    PasswordEncoder passwordEncoder() {
        // OWASP's minimum for Argon2id: m = 19 MiB, t = 2, p = 1.
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(API_ENTRY_POINT))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(API_ENTRY_POINT).accessDeniedHandler(API_DENIED));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(API_ENTRY_POINT).accessDeniedHandler(API_DENIED));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(HttpSecurity http, AgentRepository agents) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/customers", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new AgentSessionRefresh(agents), SecurityContextHolderFilter.class)
                .addFilterAfter(new PasswordChangeFirst(), AuthorizationFilter.class);
        return http.build();
    }

    /** An agent signed in with a temporary password sees only the page that replaces it. */
    static final class PasswordChangeFirst extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean mustChange = auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> AgentPrincipal.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
            if (mustChange && !path.equals("/account/password") && !path.equals("/logout")
                    && !path.startsWith("/webjars/") && !path.startsWith("/css/") && !path.startsWith("/js/")) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
