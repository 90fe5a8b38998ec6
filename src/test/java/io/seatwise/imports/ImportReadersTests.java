package io.seatwise.imports;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import readers are a bounded pool: when every one is busy an import is told so at once, never queued. */
class ImportReadersTests {

    @Test
    void aReaderIsRefusedAtOnceWhenEveryOneIsBusyAndTakenAgainWhenOneIsFree() throws Exception {
        ImportReaders readers = new ImportReaders(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> busy = readers.start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(busy).isNotNull();
            assertThat(readers.start(() -> { })).as("no second reader, no queue").isNull();

            release.countDown();
            busy.get(10, TimeUnit.SECONDS);
            Future<?> next = readers.start(() -> { });
            assertThat(next).isNotNull();
            next.get(10, TimeUnit.SECONDS);
        } finally {
            readers.stop();
        }
    }
}
