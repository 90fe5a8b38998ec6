package io.seatwise.access;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import io.seatwise.shared.TemporaryPasswords;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with a name and a password, for the console's form and the token endpoint's HTTP Basic: agents by email
 * and customer users by user name, in one provider so that every failing attempt does the same work. The name is
 * looked up as an agent and as a customer user (both always), a lock of the name or the address refuses the attempt
 * before any password check (SignInLockout), then temporary passwords (a fast keyed hash) are tried, then Argon2
 * hashes; an attempt that ran no Argon2 check runs one against a dummy hash. So a wrong password costs one Argon2
 * run whether the account exists, has a temporary password or a chosen one (two only for a name that is both an
 * agent's and a customer user's, each with a chosen password). Each account's state (disabled, blocked, expired
 * temporary password) is checked only after its password matched, so a wrong password says nothing about it.
 */
final class PasswordSignIn implements AuthenticationProvider {

    private final List<UserDetailsService> directories;
    private final PasswordEncoder encoder;
    private final SignInLockout lockout;
    private final UserDetailsChecker accountState = new AccountStatusUserDetailsChecker();
    private final String dummyHash;

    /** {@code directories} in the order their accounts win when the same password opens two. */
    PasswordSignIn(List<UserDetailsService> directories, PasswordEncoder encoder, SignInLockout lockout) {
        this.directories = List.copyOf(directories);
        this.encoder = encoder;
        this.lockout = lockout;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // The encoder's own default (Argon2id with the same parameters as every stored hash), so the dummy check
        // costs what a real one does.
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(random));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = address(attempt);
        Optional<Duration> wait = lockout.waitFor(name, address);
        if (wait.isPresent()) {
            throw new SignInLockedException(wait.get());
        }
        List<UserDetails> accounts = new ArrayList<>(2);
        for (UserDetailsService directory : directories) {
            find(directory, name).ifPresent(accounts::add);
        }
        UserDetails match = match(accounts, password);
        if (match == null) {
            lockout.failed(name, address);
            throw new BadCredentialsException("Bad credentials");
        }
        accountState.check(match);
        lockout.succeeded(name);
        return success(attempt, match);
    }

    /** The account this password opens, or null after the same work as for any other wrong password. */
    private UserDetails match(List<UserDetails> accounts, String password) {
        for (UserDetails account : accounts) {
            if (temporary(account.getPassword()) && encoder.matches(password, account.getPassword())) {
                return account;
            }
        }
        boolean slowCheckRan = false;
        for (UserDetails account : accounts) {
            String hash = account.getPassword();
            if (hash != null && !hash.isBlank() && !temporary(hash)) {
                slowCheckRan = true;
                if (encoder.matches(password, hash)) {
                    return account;
                }
            }
        }
        if (!slowCheckRan) {
            encoder.matches(password, dummyHash);
        }
        return null;
    }

    private static boolean temporary(String hash) {
        return hash != null && hash.startsWith(TemporaryPasswords.PREFIX);
    }

    private static Optional<UserDetails> find(UserDetailsService directory, String name) {
        try {
            return Optional.ofNullable(directory.loadUserByUsername(name));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The source address as the rate limits count it; "unknown" where the attempt came with none. */
    private static String address(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details) {
            return RateLimitFilter.address(details.getRemoteAddress());
        }
        return "unknown";
    }

    /** As Spring Security's DaoAuthenticationProvider makes it: the account's authorities and the password factor. */
    private static Authentication success(Authentication attempt, UserDetails account) {
        Collection<GrantedAuthority> authorities = new LinkedHashSet<>(account.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(account,
                attempt.getCredentials(), authorities);
        result.setDetails(attempt.getDetails());
        return result;
    }
}
