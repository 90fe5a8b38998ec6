package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.seatwise.access.SystemActor;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.PostgresTest;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.assign;
import static io.seatwise.licensing.LicensingFixture.remove;
import static org.assertj.core.api.Assertions.assertThat;

/** Many threads assigning and revoking on one small seat pool never oversubscribe it, and the counter stays exact. */
@PostgresTest
class SeatConcurrencyPostgresTests {

    @Autowired
    LicensingService licensing;
    @Autowired
    LicensingFixture fixture;

    @Test
    void concurrentAssignAndRevokeNeverOversubscribesAndKeepsTheCountExact() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(20, "SE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        for (int thread = 0; thread < 8; thread++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 400 && System.nanoTime() < until; i++) {
                    List<UserId> some = new ArrayList<>();
                    for (int k = random.nextInt(1, 4); k > 0; k--) {
                        some.add(users.get(random.nextInt(users.size())));
                    }
                    try {
                        SystemActor.run(() -> licensing.apply(t.id(), new Selection.UserIds(some),
                                random.nextBoolean() ? assign(E3) : remove(E3)));
                        applied.incrementAndGet();
                    } catch (InsufficientSeatsException e) {
                        refused.incrementAndGet();
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(unexpected).isEmpty();
        assertThat(applied.get()).isPositive();
        assertThat(t.assigned(E3)).isLessThanOrEqualTo(5).isEqualTo(t.activeAssignments(E3));
        System.out.printf("B6-style check: %d changes applied, %d refused for seats; assigned=%d%n",
                applied.get(), refused.get(), t.assigned(E3));
    }
}
