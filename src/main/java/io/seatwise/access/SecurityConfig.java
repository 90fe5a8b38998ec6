package io.seatwise.access;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.seatwise.shared.TemporaryPasswords;
import io.seatwise.web.ConsoleView;
import io.seatwise.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three filter chains: token creation (HTTP Basic or bearer), the rest of the API (bearer tokens only, stateless,
 * no CSRF since no cookie authenticates it), and the console (form sign-in, session, CSRF on). Agents and customer
 * users sign in through the same form and endpoint; a customer user is confined to its own customer. Every request
 * is counted against a rate limit (RateLimiter) before any password is checked.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final AuthenticationEntryPoint API_ENTRY_POINT = (request, response, e) ->
            ProblemResponses.write(response, 401, "unauthorized", "Unauthorized",
                    "Send Authorization: Bearer <token>; create a token with POST /api/v1/tokens.");
    private static final AccessDeniedHandler API_DENIED = (request, response, e) ->
            ProblemResponses.write(response, 403, "forbidden", "Forbidden", "Your role does not allow this.");

    /**
     * Argon2id for every password people choose; {@code {tmp}} for customer users' temporary passwords, which
     * users.UsersService stores as a keyed hash (TemporaryPasswords). The tmp encoder only checks: nothing here
     * ever makes a temporary password, and a password someone chooses is always encoded as Argon2id.
     */
    @Bean
    PasswordEncoder passwordEncoder(TemporaryPasswords temporaryPasswords) {
        // OWASP's minimum for Argon2id: m = 19 MiB, t = 2, p = 1.
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        PasswordEncoder temporary = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                throw new UnsupportedOperationException("temporary passwords are made by TemporaryPasswords");
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return temporaryPasswords.matches(rawPassword, encodedPassword);
            }
        };
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "tmp", temporary));
    }

    /**
     * Sign-in with a name and a password, for the console's form and the token endpoint's HTTP Basic: agents by
     * email, then customer users by user name, each attempt doing the same work and counted by SignInLockout
     * (PasswordSignIn).
     */
    @Bean
    AuthenticationManager signIn(AgentService agents, CustomerSignIn customerUsers, PasswordEncoder encoder,
            SignInLockout lockout, AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(new PasswordSignIn(
                List.<UserDetailsService>of(agents, customerUsers::loadUserByUsername), encoder, lockout));
        if (events instanceof DefaultAuthenticationEventPublisher publisher) {
            // a refused attempt during a lock is a failed sign-in too (the publisher maps exact exception classes)
            publisher.setAdditionalExceptionMappings(
                    Map.of(SignInLockedException.class, AuthenticationFailureLockedEvent.class));
        }
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenChain(HttpSecurity http, ApiTokenService tokens, AuthenticationManager signIn,
            RateLimiter limiter, SecondFactors factors) throws Exception {
        http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**")
                .authenticationManager(signIn)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(SignInLockResponses.api(API_ENTRY_POINT)))
                .addFilterBefore(new BearerTokenFilter(tokens, limiter), BasicAuthenticationFilter.class)
                // before HTTP Basic's Argon2: a flood of guessed passwords is refused by address first
                .addFilterBefore(new RateLimitFilter(limiter, true), BasicAuthenticationFilter.class)
                // a password alone does not make a token for an account with a second factor
                .addFilterAfter(new SecondFactorTokenFilter(factors), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityHeaders.all())
                .exceptionHandling(e -> e.authenticationEntryPoint(API_ENTRY_POINT).accessDeniedHandler(API_DENIED));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, RateLimiter limiter) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, limiter), BasicAuthenticationFilter.class)
                .addFilterBefore(new RateLimitFilter(limiter, true), BasicAuthenticationFilter.class)
                .addFilterAfter(TenantScope.api(), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityHeaders.all())
                .exceptionHandling(e -> e.authenticationEntryPoint(API_ENTRY_POINT).accessDeniedHandler(API_DENIED));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(HttpSecurity http, AuthenticationManager signIn, AgentRepository agents,
            CustomerSignIn customerUsers, ConsoleView console, RateLimiter limiter, SecondFactors factors,
            SessionEnding ending) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                // when this session signed in: SessionRefresh ends it if its account's sessions end later
                SessionStamp.stamp(request, SessionStamp.now());
                // The password was right; someone with (or required to have) a second factor passes it next.
                if (authentication.getPrincipal() instanceof org.springframework.security.core.userdetails
                        .UserDetails person && factors.needed(person)) {
                    SecondFactorSession.markPending(request);
                    getRedirectStrategy().sendRedirect(request, response, "/login/mfa");
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }

            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) {
                // Agents land on the customers list, a customer administrator on its users, anyone else on its
                // own account page.
                return console.home();
            }
        };
        http.authenticationManager(signIn)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(landing)
                        .failureHandler(SignInLockResponses.console()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(SecurityHeaders.all())
                .addFilterAfter(new SessionRefresh(agents, customerUsers, ending), SecurityContextHolderFilter.class)
                .addFilterBefore(new SecondFactorSession.Gate(), AuthorizationFilter.class)
                // per signed-in person, or per address before sign-in: before the form sign-in's Argon2
                .addFilterBefore(new RateLimitFilter(limiter, false), CsrfFilter.class)
                .addFilterAfter(new PasswordChangeFirst(), AuthorizationFilter.class)
                .addFilterAfter(new SelfServiceOnly(), PasswordChangeFirst.class)
                .addFilterAfter(TenantScope.console(), SelfServiceOnly.class);
        return http.build();
    }

    /** Paths every signed-in person may reach: its own account, signing out, the page's assets. */
    private static boolean always(String path) {
        return path.equals("/logout") || path.startsWith("/webjars/") || path.startsWith("/css/")
                || path.startsWith("/js/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Anyone signed in with a temporary password sees only the page that replaces it. */
    static final class PasswordChangeFirst extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String path = path(request);
            boolean mustChange = auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> AgentPrincipal.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
            if (mustChange && !path.equals("/account/password") && !always(path)) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * A customer user that administers nothing (product.md: "only change their own password") sees only its own
     * account page and the password page.
     */
    static final class SelfServiceOnly extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String path = path(request);
            boolean selfService = auth != null && auth.getPrincipal() instanceof CustomerUserPrincipal user
                    && !user.administers();
            if (selfService && !path.equals("/account") && !path.equals("/account/password")
                    && !path.equals("/account/sign-out-everywhere") && !always(path)) {
                response.sendRedirect(request.getContextPath() + "/account");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
