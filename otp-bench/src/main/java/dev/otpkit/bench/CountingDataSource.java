package dev.otpkit.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A data source that counts what its connections send to the database: each statement run (any
 * {@code execute...} method of a statement) and each transaction control
 * ({@code commit}, {@code rollback}, {@code setAutoCommit}). Every call goes on to the wrapped
 * data source. Thread-safe.
 *
 * <p>Each counted call is one round trip to the server with PostgreSQL's driver (and one call
 * into the engine with H2 in the same JVM); that is what "round trips per verification" counts.
 * The proxies cost time, so the benchmarks measure throughput on the bare pool and count round
 * trips through this one, on the same logins, separately.
 */
final class CountingDataSource {
    private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "rollback", "setAutoCommit");

    private final DataSource dataSource;
    private final LongAdder statements = new LongAdder();
    private final LongAdder transactionControl = new LongAdder();

    /**
     * Counts what goes through a data source.
     *
     * @param dataSource the data source to wrap
     */
    CountingDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns the counting data source, to give to the code whose round trips are counted.
     *
     * @return a proxy of the wrapped data source
     */
    DataSource dataSource() {
        return (DataSource) proxy(DataSource.class, (method, args) -> {
            Object result = method.invoke(dataSource, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    /**
     * Returns how many statements ran since the last {@link #reset()}.
     *
     * @return a count, 0 or more
     */
    long statements() {
        return statements.sum();
    }

    /**
     * Returns how many commits, rollbacks and auto-commit switches were asked for since the last
     * {@link #reset()}.
     *
     * @return a count, 0 or more
     */
    long transactionControl() {
        return transactionControl.sum();
    }

    /** Sets both counts back to zero. */
    void reset() {
        statements.reset();
        transactionControl.reset();
    }

    private Connection connection(Connection connection) {
        return (Connection) proxy(Connection.class, (method, args) -> {
            if (TRANSACTION_CONTROL.contains(method.getName())) {
                transactionControl.increment();
            }
            Object result = method.invoke(connection, args);
            return result instanceof Statement ? statement((Statement) result) : result;
        });
    }

    private Statement statement(Statement statement) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) proxy(type, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.increment();
            }
            return method.invoke(statement, args);
        });
    }

    /** What a proxy does with a call, given the target's method; may throw what that method throws. */
    @FunctionalInterface
    private interface Call {
        Object on(Method method, Object[] args) throws ReflectiveOperationException;
    }

    /** A proxy implementing {@code type} that hands each call to {@code call}. */
    private static Object proxy(Class<?> type, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.on(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
