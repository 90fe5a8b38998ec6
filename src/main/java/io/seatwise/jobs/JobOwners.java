package io.seatwise.jobs;

import java.util.Optional;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;

/**
 * How a job acts as its owner again when it runs after a restart (the access module knows who people are): a
 * reference to keep with the job, and the owner as they are now (gone, disabled or blocked owners are empty). The
 * named interface {@code jobs::owners}: what access implements, apart from the rest of the jobs API.
 */
@NamedInterface("owners")
public interface JobOwners {

    /** A reference to the actor of {@code authentication}, or empty when it cannot be acted as again. */
    Optional<String> reference(Authentication authentication);

    /** The owner a reference names, as they are now, or empty when they may no longer act. */
    Optional<Authentication> restore(String reference);
}
