package dev.otpkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of a named statement: parameters are bound by name, then the statement runs once (or
 * as a batch). Not thread-safe; lives within one {@link Database.Session}.
 */
public final class Call {
    private final Connection connection;
    private final NamedStatement statement;
    private final Map<String, Object> values = new HashMap<>();
    private final List<Map<String, Object>> batch = new ArrayList<>();

    /**
     * Reads one row of a result.
     *
     * @param <T> what a row becomes
     */
    @FunctionalInterface
    public interface Row<T> {
        /**
         * Reads the current row.
         *
         * @param row the result, on the row to read
         * @return what the row holds
         * @throws SQLException if a column cannot be read
         */
        T read(ResultSet row) throws SQLException;
    }

    Call(Connection connection, NamedStatement statement) {
        this.connection = connection;
        this.statement = statement;
    }

    /**
     * Binds a text parameter.
     *
     * @param name the parameter's name
     * @param value its value; null for SQL {@code NULL}
     * @return this call
     */
    public Call set(String name, String value) {
        return put(name, value);
    }

    /**
     * Binds a number parameter.
     *
     * @param name the parameter's name
     * @param value its value
     * @return this call
     */
    public Call set(String name, long value) {
        return put(name, value);
    }

    /**
     * Binds a bytes parameter.
     *
     * @param name the parameter's name
     * @param value its value; not copied
     * @return this call
     */
    public Call set(String name, byte[] value) {
        return put(name, value);
    }

    /**
     * Binds a value, whether or not this dialect's statement uses it: the dialects' statements of
     * one name may need different parameters. A parameter the statement needs but no one bound
     * fails the run.
     */
    private Call put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /**
     * Runs a statement that changes rows.
     *
     * @return the row count the driver reports
     * @throws SQLException if the statement fails
     */
    public int update() throws SQLException {
        try (PreparedStatement prepared = prepare()) {
            bind(prepared, values);
            return prepared.executeUpdate();
        }
    }

    /**
     * Runs an {@code INSERT} that may find its key taken by a row already there.
     *
     * @return {@code true} if the row was inserted, {@code false} if one with its key exists
     * @throws SQLException if the statement fails otherwise
     */
    public boolean insertUnlessPresent() throws SQLException {
        try {
            return update() == 1;
        } catch (SQLException e) {
            if (Database.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Runs a query, or a statement returning rows, that yields at most one row.
     *
     * @param <T> what the row becomes
     * @param row how to read the row
     * @return the row, or empty if there is none
     * @throws SQLException if the statement fails
     */
    public <T> Optional<T> single(Row<T> row) throws SQLException {
        List<T> rows = list(row);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Runs a query.
     *
     * @param <T> what each row becomes
     * @param row how to read a row
     * @return the rows, in the order the database returned them
     * @throws SQLException if the statement fails
     */
    public <T> List<T> list(Row<T> row) throws SQLException {
        try (PreparedStatement prepared = prepare()) {
            bind(prepared, values);
            try (ResultSet result = prepared.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(row.read(result));
                }
                return rows;
            }
        }
    }

    /**
     * Keeps the parameters bound so far as one row of a batch, and starts the next.
     *
     * @return this call
     */
    public Call addBatch() {
        batch.add(new HashMap<>(values));
        values.clear();
        return this;
    }

    /**
     * Runs the statement once for each row added with {@link #addBatch()}.
     *
     * @throws SQLException if the statement fails
     */
    public void executeBatch() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement prepared = prepare()) {
            for (Map<String, Object> row : batch) {
                bind(prepared, row);
                prepared.addBatch();
            }
            prepared.executeBatch();
        }
    }

    private PreparedStatement prepare() throws SQLException {
        return connection.prepareStatement(statement.sql());
    }

    private void bind(PreparedStatement prepared, Map<String, Object> row) throws SQLException {
        List<String> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i);
            if (!row.containsKey(name)) {
                throw new IllegalStateException(statement.name() + " needs a value for " + name);
            }
            Object value = row.get(name);
            if (value == null) {
                prepared.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof String) {
                prepared.setString(i + 1, (String) value);
            } else if (value instanceof Long) {
                prepared.setLong(i + 1, (Long) value);
            } else {
                prepared.setBytes(i + 1, (byte[]) value);
            }
        }
    }

    /**
     * Parameters bound before a connection is taken (checked and sealed values), for a named
     * statement run later in a session. Not thread-safe.
     */
    public static final class Prepared {
        private final String statement;
        private final Map<String, Object> values = new HashMap<>();

        /**
         * Starts the parameters of a named statement.
         *
         * @param statement the statement's name
         */
        public Prepared(String statement) {
            this.statement = statement;
        }

        /**
         * Binds a text parameter.
         *
         * @param name the parameter's name
         * @param value its value; null for SQL {@code NULL}
         * @return these parameters
         */
        public Prepared set(String name, String value) {
            values.put(name, value);
            return this;
        }

        /**
         * Binds a number parameter.
         *
         * @param name the parameter's name
         * @param value its value
         * @return these parameters
         */
        public Prepared set(String name, long value) {
            values.put(name, value);
            return this;
        }

        /**
         * Starts the call of the statement in a session, with these parameters bound.
         *
         * @param session the session
         * @return the call
         */
        public Call on(Database.Session session) {
            Call call = session.statement(statement);
            call.values.putAll(values);
            return call;
        }
    }
}
