package io.seatwise.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server the tests use: {@code SEATWISE_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). Each test run creates its own fresh
 * database and drops it when the JVM ends, since the server outlives the run.
 */
public final class Postgres {

    private static final String ADMIN_URL = env("SEATWISE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("SEATWISE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SEATWISE_TEST_PG_PASSWORD", "");

    private static String database;
    private static String unavailable;

    private Postgres() {
    }

    /** True when the tests must run on PostgreSQL rather than skip (CI=true). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Null when the server can be reached, otherwise why not. */
    public static synchronized String unavailableReason() {
        if (database == null && unavailable == null) {
            create();
        }
        return unavailable;
    }

    /** JDBC URL of this run's own database, created on first use. */
    public static synchronized String url() {
        if (unavailableReason() != null) {
            throw new IllegalStateException("PostgreSQL is not available: " + unavailable);
        }
        return urlOf(database);
    }

    /**
     * JDBC URL of another fresh database of this run, dropped with the others when the JVM ends: for tests whose
     * application instances must not share the database with the test contexts of this JVM (whose job runners and
     * schedules would take part in their work).
     */
    public static synchronized String newDatabase() {
        if (unavailableReason() != null) {
            throw new IllegalStateException("PostgreSQL is not available: " + unavailable);
        }
        String name = newName();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-test-database"));
        return urlOf(name);
    }

    private static String urlOf(String name) {
        int slash = ADMIN_URL.lastIndexOf('/');
        int query = ADMIN_URL.indexOf('?', slash);
        String base = ADMIN_URL.substring(0, slash + 1) + name;
        return base + (query > 0 ? ADMIN_URL.substring(query) + "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static String newName() {
        return "seatwise_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void create() {
        String name = newName();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            database = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-test-database"));
        } catch (SQLException e) {
            unavailable = ADMIN_URL + " as " + USER + ": " + e.getMessage();
        }
    }

    private static void drop(String database) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
