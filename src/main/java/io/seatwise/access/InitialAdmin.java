package io.seatwise.access;

import io.seatwise.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no agent yet) creates the initial Admin agent: SEATWISE_ADMIN_EMAIL and
 * SEATWISE_ADMIN_PASSWORD when given, otherwise a generated password printed once, to be changed at first sign-in.
 * There is never a fixed default password.
 */
@Component
@Order(10)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AgentService agents;
    private final String email;
    private final String password;

    InitialAdmin(AgentService agents, @Value("${seatwise.admin.email:admin@seatwise.local}") String email,
            @Value("${seatwise.admin.password:}") String password) {
        this.agents = agents;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agents.anyAgent()) {
            return;
        }
        if (password != null && !password.isEmpty()) {
            try {
                Passwords.check(password, "SEATWISE_ADMIN_PASSWORD");
            } catch (DomainException weak) {
                throw new IllegalStateException("SEATWISE_ADMIN_PASSWORD (seatwise.admin.password) cannot be the "
                        + "initial Admin agent's password: " + weak.getMessage() + ". Set a longer one, or leave it "
                        + "empty to have a password generated and printed once.", weak);
            }
            SystemActor.run(() -> agents.create(email, "Administrator", Role.ADMIN, password, false));
            log.info("Created the initial Admin agent {} with the password from SEATWISE_ADMIN_PASSWORD", email);
            return;
        }
        String generated = Passwords.generate();
        SystemActor.run(() -> agents.create(email, "Administrator", Role.ADMIN, generated, true));
        // Printed once, to the console only: it is never stored in clear and must be changed at first sign-in.
        System.out.println("""

                ==================================================================
                 Seatwise: initial Admin agent created
                   email:    %s
                   password: %s
                 This password is shown once. Change it at first sign-in.
                ==================================================================
                """.formatted(email, generated));
    }
}
