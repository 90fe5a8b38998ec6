package io.seatwise.access;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs start-up and scheduled work as "system", with every permission: named interface {@code access::system}. */
@NamedInterface("system")
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        List<SimpleGrantedAuthority> all = java.util.Arrays.stream(Permission.values())
                .map(p -> new SimpleGrantedAuthority(p.authority())).toList();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null, all));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
