package io.seatwise.imports;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that read an import's file a second time while the import writes ({@link ImportCreation}): a pool of
 * at most {@code seatwise.imports.reader-threads} (4) daemon threads, made when needed, ended after a minute idle and
 * stopped with the application. When every reader is busy the import is not queued: it reads its batches on its own
 * thread, one after the other (slower, never waiting for another customer's import).
 *
 * <p>Why a pool of the import's own, rather than a thread per import, the jobs module, or work after commit: the
 * reading must run while the same import writes, inside the one transaction that makes an import all or nothing (so
 * nothing may wait for the commit); it is a stage of one run, not work to resume on its own (the job is the import
 * as a whole, and a cut-off run starts again from the file); and a bounded pool keeps many imports at once from
 * making as many threads. The reader touches no database and needs no signed-in actor: it reads, checks, draws the
 * passwords and seals them; everything written is written by the importing thread.
 */
@Component
class ImportReaders {

    private final ThreadPoolExecutor pool;

    ImportReaders(@Value("${seatwise.imports.reader-threads:4}") int threads) {
        AtomicInteger made = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, Math.max(1, threads), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "seatwise-import-reader-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Starts the reader on a pool thread; null when every reader is busy (the caller then reads itself). */
    Future<?> start(Runnable reader) {
        try {
            return pool.submit(reader);
        } catch (RejectedExecutionException busy) {
            return null;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
