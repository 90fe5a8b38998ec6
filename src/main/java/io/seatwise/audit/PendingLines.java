package io.seatwise.audit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The activity lines of the current transaction, stored together just before it commits (one round trip instead of
 * one per change; a SCIM POST makes three). A line recorded inside a savepoint that is rolled back is dropped with
 * it, as the row would have been; a line recorded after they were stored (by another synchronization's commit work)
 * is stored at once; without a transaction, at once. Lines keep the id and time of when they were recorded.
 */
final class PendingLines implements TransactionSynchronization {

    private static final Object KEY = new Object();

    private final ActivityRepository repository;
    private final List<ActivityRepository.Line> lines = new ArrayList<>();
    /** How many lines there were when each savepoint known to this was set. */
    private final Map<Object, Integer> atSavepoint = new IdentityHashMap<>();
    private boolean stored;

    private PendingLines(ActivityRepository repository) {
        this.repository = repository;
    }

    /** Records a line in the current transaction, or stores it now when there is none. */
    static void add(ActivityRepository repository, ActivityRepository.Line line) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            repository.insert(List.of(line));
            return;
        }
        PendingLines pending = (PendingLines) TransactionSynchronizationManager.getResource(KEY);
        if (pending == null) {
            pending = new PendingLines(repository);
            TransactionSynchronizationManager.bindResource(KEY, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.stored) {
            repository.insert(List.of(line));
        } else {
            pending.lines.add(line);
        }
    }

    /** An inner transaction (REQUIRES_NEW) starts: its lines are its own, stored when it commits. */
    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(KEY, this);
    }

    @Override
    public void savepoint(Object savepoint) {
        atSavepoint.put(savepoint, lines.size());
    }

    @Override
    public void savepointRollback(Object savepoint) {
        // A savepoint set before this transaction's first line predates every line: none survives its rollback.
        int keep = atSavepoint.getOrDefault(savepoint, 0);
        lines.subList(Math.min(keep, lines.size()), lines.size()).clear();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!lines.isEmpty()) {
            repository.insert(lines);
        }
        stored = true;
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
}
