package dev.otpkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A store's access to its database: borrows a connection per operation, runs it in auto-commit
 * mode or as one transaction, and turns every {@link SQLException} into the store's one
 * exception type ({@link StoreFailure}). Thread-safe.
 *
 * <p>The dialect is detected from the first connection and remembered, so a store can be built
 * while the database is down and works once it is up. An operation is tried again, after a
 * short random pause and up to ten times in all, only when what failed wrote nothing: the database rolled it back to break a deadlock or
 * a serialization conflict (SQLState {@code 40001}, {@code 40P01}), or an insert met the key a
 * concurrent call had just inserted (the operations change nothing before their last statement
 * succeeds, so a second try takes the update path). It is never tried again after a lost
 * connection, since the database may have written it, and a second try would then count a
 * failure twice.
 */
public final class Database {
    /**
     * Tries of an operation that the database keeps rolling back: many servers racing for one
     * new key deadlock InnoDB now and then (each waits to upgrade its shared lock on the key).
     */
    private static final int MAX_TRIES = 10;

    private final DataSource dataSource;
    private final String prefix;
    private final String store;
    private volatile Statements statements;

    /** The detected dialect and its statements, with the prefix applied. */
    private static final class Statements {
        final Dialect dialect;
        final Map<String, NamedStatement> byName;

        Statements(Dialect dialect, String prefix) {
            this.dialect = dialect;
            this.byName = SqlFile.statements(dialect, prefix);
        }
    }

    /**
     * What an operation does with its session.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Runs the operation.
         *
         * @param session the session, valid during this call only
         * @return the result
         * @throws SQLException if a statement fails
         */
        T run(Session session) throws SQLException;
    }

    /**
     * Makes a database access for one store.
     *
     * @param dataSource where connections come from
     * @param prefix a checked table prefix
     * @param store the store's name, for messages
     */
    public Database(DataSource dataSource, String prefix, String store) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.prefix = prefix;
        this.store = store;
    }

    /**
     * Runs an operation whose statements each commit on their own (auto-commit): each must be
     * atomic by itself.
     *
     * @param <T> what it returns
     * @param work the operation
     * @return what the operation returned
     */
    public <T> T call(Work<T> work) {
        return run(work, false);
    }

    /**
     * Runs an operation as one transaction, committed if it returns and rolled back if it throws.
     *
     * @param <T> what it returns
     * @param work the operation
     * @return what the operation returned
     */
    public <T> T transaction(Work<T> work) {
        return run(work, true);
    }

    /**
     * Returns the dialect, detecting it with a connection of its own the first time.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        Statements known = statements;
        return known != null ? known.dialect : call(Session::dialect);
    }

    /**
     * Creates the tables and indexes that are missing, running the dialect's schema file.
     */
    public void createSchema() {
        call(session -> {
            int number = 0;
            for (String sql : SqlFile.schema(session.dialect(), prefix)) {
                session.lastStatement = "schema statement " + ++number;
                try (Statement statement = session.connection.createStatement()) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    /**
     * Returns the store's name, for messages.
     *
     * @return for example {@code "JdbcReplayGuard"}
     */
    public String store() {
        return store;
    }

    private <T> T run(Work<T> work, boolean transactional) {
        for (int tries = 1;; tries++) {
            Session session = null;
            try (Connection connection = dataSource.getConnection()) {
                session = new Session(connection, statements(connection));
                return runIn(connection, session, work, transactional);
            } catch (SQLException e) {
                if (tries < MAX_TRIES && (isRolledBackConflict(e) || isDuplicateKey(e))) {
                    pauseBeforeTry(tries);
                    continue;
                }
                String what = session == null || session.lastStatement == null ? "getting a connection"
                        : session.lastStatement;
                throw StoreFailure.of(store, what, e);
            }
        }
    }

    /** Up to {@code tries} milliseconds, at random, so that the callers that collided spread out. */
    private static void pauseBeforeTry(int tries) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(tries + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T runIn(Connection connection, Session session, Work<T> work, boolean transactional)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit == transactional) {
            connection.setAutoCommit(!transactional);
        }
        try {
            T result = work.run(session);
            if (transactional) {
                connection.commit();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (transactional) {
                rollbackQuietly(connection, e);
            }
            throw e;
        } finally {
            if (autoCommit == transactional) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private Statements statements(Connection connection) throws SQLException {
        Statements known = statements;
        if (known == null) {
            Dialect dialect = Dialect.detect(connection.getMetaData()).orElseThrow(() -> unsupported(connection));
            known = new Statements(dialect, prefix);
            statements = known;
        }
        return known;
    }

    private RuntimeException unsupported(Connection connection) {
        String found;
        try {
            found = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            found = "a database whose driver does not tell its product";
        }
        return StoreFailure.of(store, "otp-jdbc supports " + Dialect.SUPPORTED + "; the DataSource is " + found);
    }

    /** Deadlock victims and serialization failures: the database rolled the work back. */
    private static boolean isRolledBackConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    /**
     * Tells whether an {@code INSERT} failed because a row with its key exists: SQLState 23505
     * (PostgreSQL, H2), or 23000 with MySQL's error 1062.
     *
     * @param e the error
     * @return whether it is a duplicate key
     */
    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState()) || "23000".equals(e.getSQLState()) && e.getErrorCode() == 1062;
    }

    /** A connection with the statements of its dialect, for one operation. */
    public static final class Session {
        private final Connection connection;
        private final Statements statements;
        private String lastStatement;

        Session(Connection connection, Statements statements) {
            this.connection = connection;
            this.statements = statements;
        }

        /**
         * Returns the dialect of the database.
         *
         * @return the dialect
         */
        public Dialect dialect() {
            return statements.dialect;
        }

        /**
         * Starts a call of a named statement.
         *
         * @param name the statement's name in the dialect's statements file
         * @return a call to bind parameters to and run
         * @throws IllegalStateException if the dialect has no such statement
         */
        public Call statement(String name) {
            NamedStatement statement = statements.byName.get(name);
            if (statement == null) {
                throw new IllegalStateException("otp-jdbc's " + statements.dialect + " statements lack " + name);
            }
            lastStatement = "statement " + name;
            return new Call(connection, statement);
        }
    }
}
