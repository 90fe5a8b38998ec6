package io.seatwise.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions.BucketExecutionException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.seatwise.shared.SqlDialect;

/**
 * Bucket4j's SELECT … FOR UPDATE store of the rate limits' buckets, in table {@value #TABLE}, on H2 and PostgreSQL:
 * the statements of Bucket4j's own PostgreSQL store, but for the insert of an empty bucket, which the
 * {@link SqlDialect} gives ({@link SqlDialect#insertEmptyRateLimitBucket()}: H2 2.3 does not take PostgreSQL's
 * syntax). The bucket arithmetic, the locking protocol and the retries stay Bucket4j's.
 */
final class JdbcBucketStore extends AbstractSelectForUpdateBasedProxyManager<String> implements ExpiredEntriesCleaner {

    static final String TABLE = "rate_limit_bucket";

    private static final String SELECT = "SELECT state FROM " + TABLE + " WHERE id = ? FOR UPDATE";
    private static final String UPDATE = "UPDATE " + TABLE + " SET state = ?, expires_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE id = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM " + TABLE + " WHERE expires_at < ? AND id IN "
            + "(SELECT id FROM " + TABLE + " WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final String insertEmpty;
    /** A bucket lost in a crash costs nothing: its transaction's commit need not wait for the disk. */
    private final String noDiskWait;
    private final CustomColumnProvider<String> expiresAt;

    JdbcBucketStore(DataSource dataSource, SqlDialect dialect, ExpirationAfterWriteStrategy expiry) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry));
        this.dataSource = dataSource;
        this.insertEmpty = dialect.insertEmptyRateLimitBucket();
        this.noDiskWait = dialect.commitWithoutWaitingForTheDisk();
        this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at", expiry);
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
        return new Transaction(connection, key);
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
    }

    @Override
    public int removeExpired(int batchSize) {
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setLong(1, now);
            delete.setLong(2, now);
            delete.setInt(3, batchSize);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void run(Sql sql) {
        try {
            sql.run();
        } catch (SQLException e) {
            throw new BucketExecutionException(e);
        }
    }

    /** One bucket's transaction on its own connection: Bucket4j calls these in turn, then {@link #release()}. */
    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final Connection connection;
        private final String key;

        Transaction(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeout) {
            run(() -> {
                connection.setAutoCommit(false);
                if (noDiskWait != null) {
                    try (java.sql.Statement statement = connection.createStatement()) {
                        statement.execute(noDiskWait);
                    }
                }
            });
        }

        @Override
        public void rollback() {
            run(connection::rollback);
        }

        @Override
        public void commit(Optional<Long> timeout) {
            run(connection::commit);
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                applyTimeout(select, timeout);
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw new BucketExecutionException(e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeout) {
            try (PreparedStatement insert = connection.prepareStatement(insertEmpty)) {
                applyTimeout(insert, timeout);
                insert.setString(1, key);
                return insert.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new BucketExecutionException(e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                applyTimeout(update, timeout);
                update.setBytes(1, data);
                expiresAt.setCustomField(key, 2, update, state, currentTimeNanos());
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new BucketExecutionException(e);
            }
        }

        @Override
        public void release() {
            run(connection::close);
        }
    }
}
