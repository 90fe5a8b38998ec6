package io.seatwise.access;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncCommandExecutor;
import io.github.bucket4j.distributed.proxy.CommandExecutor;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.OptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.proxy.optimization.skiponzero.SkipSyncOnZeroOptimization;
import io.seatwise.shared.SqlDialect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Request budgets as Bucket4j token buckets kept in the database, so that every node draws on the same budget: per
 * API token, per source address before sign-in, per signed-in person in the console. Each bucket holds
 * {@code requests} and refills them evenly over {@code period}, so a client may spend its whole budget at once and
 * then goes on at the average rate. A bucket's key names its rule, so a changed limit starts fresh buckets instead
 * of inheriting the stored ones.
 */
@Component
class RateLimiter {

    /** Why a request is counted where it is. */
    enum Kind {
        TOKEN("this API token"), PROVISIONING("this provisioning token"), ADDRESS("this address before sign-in"),
        PERSON("this signed-in person");

        final String who;

        Kind(String who) {
            this.who = who;
        }
    }

    /** One budget: at most {@code requests} at once, refilled evenly over {@code period}. */
    record Rule(Kind kind, long requests, Duration period) {

        Rule {
            if (requests < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs requests >= 1 and a period > 0: " + this);
            }
        }

        String key(String subject) {
            return kind.name().toLowerCase() + ":" + requests + "/" + period.toSeconds() + "s:" + subject;
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period)).build();
        }
    }

    /** Marks a request already counted, so a second filter of the same chain does not count it again. */
    static final String COUNTED = RateLimiter.class.getName() + ".counted";

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /** An idle bucket's row stays this long after it is full again, then the cleanup deletes it. */
    private static final Duration KEEP_FULL = Duration.ofMinutes(1);

    /** Buckets this node used lately, with what it last learned of each (see {@link #bucket}). */
    private static final int RECENT = 10_000;

    private final ProxyManager<String> buckets;
    private final Map<String, Bucket> recent = Collections.synchronizedMap(
            new LinkedHashMap<String, Bucket>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > RECENT;
                }
            });
    private final Rule perToken;
    private final Rule perProvisioningToken;
    private final Rule perAddress;
    private final Rule perPerson;
    private final AtomicLong lastFailureLogged = new AtomicLong();

    @Autowired
    RateLimiter(DataSource dataSource, SqlDialect dialect,
            @Value("${seatwise.limits.per-token.requests:1200}") long tokenRequests,
            @Value("${seatwise.limits.per-token.period:1m}") Duration tokenPeriod,
            @Value("${seatwise.limits.per-provisioning-token.requests:6000}") long provisioningRequests,
            @Value("${seatwise.limits.per-provisioning-token.period:1m}") Duration provisioningPeriod,
            @Value("${seatwise.limits.per-address.requests:120}") long addressRequests,
            @Value("${seatwise.limits.per-address.period:1m}") Duration addressPeriod,
            @Value("${seatwise.limits.per-person.requests:600}") long personRequests,
            @Value("${seatwise.limits.per-person.period:1m}") Duration personPeriod) {
        this(store(dataSource, dialect), new Rule(Kind.TOKEN, tokenRequests, tokenPeriod),
                new Rule(Kind.PROVISIONING, provisioningRequests, provisioningPeriod),
                new Rule(Kind.ADDRESS, addressRequests, addressPeriod),
                new Rule(Kind.PERSON, personRequests, personPeriod));
    }

    RateLimiter(ProxyManager<String> buckets, Rule perToken, Rule perProvisioningToken, Rule perAddress,
            Rule perPerson) {
        this.buckets = buckets;
        this.perToken = perToken;
        this.perProvisioningToken = perProvisioningToken;
        this.perAddress = perAddress;
        this.perPerson = perPerson;
    }

    /** The buckets' store in the database: a row per bucket, kept until it has been full for {@link #KEEP_FULL}. */
    static ProxyManager<String> store(DataSource dataSource, SqlDialect dialect) {
        return new JdbcBucketStore(dataSource, dialect,
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL));
    }

    Rule rule(Kind kind) {
        return switch (kind) {
            case TOKEN -> perToken;
            case PROVISIONING -> perProvisioningToken;
            case ADDRESS -> perAddress;
            case PERSON -> perPerson;
        };
    }

    /**
     * Counts the request against the subject's budget and writes the {@code RateLimit-*} headers; over budget it
     * answers 429 with {@code Retry-After} and answers false, and the caller stops there. A request is counted once.
     */
    boolean admit(HttpServletRequest request, HttpServletResponse response, Kind kind, String subject)
            throws IOException {
        return admit(request, response, kind, subject, (r, status, detail) -> ProblemResponses.write(r, status,
                "rate-limited", "Too Many Requests", detail));
    }

    /** As {@link #admit(HttpServletRequest, HttpServletResponse, Kind, String)}, writing a 429 with {@code refusal}. */
    boolean admit(HttpServletRequest request, HttpServletResponse response, Kind kind, String subject,
            RequestBudgets.Refusal refusal) throws IOException {
        if (request.getAttribute(COUNTED) != null) {
            return true;
        }
        request.setAttribute(COUNTED, kind);
        Rule rule = rule(kind);
        ConsumptionProbe probe = consume(rule, subject);
        if (probe == null) {
            return true;
        }
        response.setHeader("RateLimit-Limit", Long.toString(rule.requests()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        response.setHeader("RateLimit-Policy", rule.requests() + ";w=" + rule.period().toSeconds());
        if (probe.isConsumed()) {
            return true;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        refusal.write(response, 429, "Too many requests from "
                + kind.who + ": at most " + rule.requests() + " in " + rule.period().toSeconds()
                + " s. Try again in " + retryAfter + " s.");
        return false;
    }

    /**
     * One request taken from the subject's bucket (created full on first use). Null when the database could not
     * answer: the request then goes on uncounted, since the limits protect the service's fairness and refusing
     * everyone while the database hiccups would be the outage they exist to prevent.
     */
    ConsumptionProbe consume(Rule rule, String subject) {
        try {
            try {
                return bucket(rule, subject).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException first) {
                // Concurrent first requests of a new bucket can fail through the optimization ("Bucket does not
                // exist") while another creates it; the bucket exists by now, so one more try counts the request.
                log.debug("Rate limit counted again after {}", first.toString());
                recent.remove(rule.key(subject));
                return bucket(rule, subject).tryConsumeAndReturnRemaining(1);
            }
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            long last = lastFailureLogged.get();
            if (now - last > TimeUnit.MINUTES.toNanos(1) && lastFailureLogged.compareAndSet(last, now)) {
                log.warn("Rate limits not counted (requests let through): {}", e.toString());
            }
            return null;
        }
    }

    /** Tokens left in the subject's bucket, as stored (a full budget when it has none yet). */
    long available(Rule rule, String subject) {
        return bucket(rule, subject).getAvailableTokens();
    }

    /**
     * The subject's bucket in the database, through two of Bucket4j's optimizations. Skip-sync-on-zero: once this
     * node has seen the bucket empty, it refuses without asking the database until the next request is due (other
     * nodes can only have spent more, never less), so a flood that is being refused costs no database round trip.
     * Batching: requests of one bucket that arrive on this node while its database transaction runs are counted
     * together in the next one, so an identity provider's concurrent requests (one token) do not queue one by one
     * on the bucket's row lock. Every request that may be allowed is counted in the database.
     */
    private Bucket bucket(Rule rule, String subject) {
        return recent.computeIfAbsent(rule.key(subject), key -> {
            BucketConfiguration configuration = rule.bucket();
            return buckets.builder().withOptimization(SKIP_ON_ZERO_AND_BATCH).build(key, () -> configuration);
        });
    }

    /** Skip-sync-on-zero around batching ({@link #bucket}). */
    private static final Optimization SKIP_ON_ZERO_AND_BATCH = new Optimization() {
        private final Optimization skipOnZero = new SkipSyncOnZeroOptimization(NopeOptimizationListener.INSTANCE,
                TimeMeter.SYSTEM_MILLISECONDS);
        private final Optimization batching = Optimizations.batching();

        @Override
        public Optimization withListener(OptimizationListener listener) {
            return this;
        }

        @Override
        public CommandExecutor apply(CommandExecutor executor) {
            return skipOnZero.apply(batching.apply(executor));
        }

        @Override
        public AsyncCommandExecutor apply(AsyncCommandExecutor executor) {
            return skipOnZero.apply(batching.apply(executor));
        }
    };

    /** Deletes the rows of buckets that have been full for a while: a full bucket is the same as none. */
    @Scheduled(fixedDelayString = "${seatwise.limits.cleanup:10m}", initialDelayString = "${seatwise.limits.cleanup:10m}")
    void removeExpired() {
        if (buckets instanceof ExpiredEntriesCleaner cleaner) {
            for (int batch = 0; batch < 100 && cleaner.removeExpired(1000) == 1000; batch++) {
                // SKIP LOCKED: nodes cleaning at the same time share the work instead of waiting for each other
            }
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
