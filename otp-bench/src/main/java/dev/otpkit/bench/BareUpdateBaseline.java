package dev.otpkit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The database's own limit for the work of a login: per operation, {@code statements} bare
 * single-row {@code UPDATE}s by primary key, each in auto-commit and each taken through the pool
 * as otp-jdbc takes its statements (borrow a connection, prepare, bind, run, give back), on rows
 * of the thread's own, on the same {@link JdbcDatabase} and pool as {@link JdbcVerifyBenchmark}.
 * Set {@code statements} to the round trips a login makes ({@link RoundTrips}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BareUpdateBaseline {
    private static final String TABLE = "otpkit_bench_baseline";
    private static final String UPDATE = "UPDATE " + TABLE + " SET n = n + 1 WHERE id = ?";

    /** Single-row updates per operation, 1 or more. */
    @Param({"1", "2", "3"})
    public int statements;

    private DataSource pool;
    private long firstRow;
    private int rows;
    private int next;

    /** Made by JMH, once per thread. */
    public BareUpdateBaseline() {
    }

    /**
     * Inserts this thread's rows, outside the measurement.
     *
     * @param database the trial's database
     * @param thread which thread this is, and of how many
     * @throws SQLException if the database fails
     */
    @Setup(Level.Trial)
    public void setUp(JdbcDatabase database, ThreadParams thread) throws SQLException {
        setUp(database.pool(), thread.getThreadIndex(), thread.getThreadCount());
    }

    /**
     * Inserts the rows of one thread of several.
     *
     * @param pool the database, with the baseline's table created
     * @param thread the thread's index, 0 to {@code threads - 1}
     * @param threads how many threads share the table
     * @throws SQLException if the database fails
     */
    void setUp(DataSource pool, int thread, int threads) throws SQLException {
        this.pool = pool;
        rows = JdbcDatabase.rowsPerThread(threads);
        firstRow = (long) thread * rows;
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, 0)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, firstRow + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Runs {@code statements} single-row updates, each on the next of the thread's rows.
     *
     * @return the rows changed, {@code statements}
     * @throws SQLException if the database fails
     */
    @Benchmark
    public int update() throws SQLException {
        int changed = 0;
        for (int i = 0; i < statements; i++) {
            changed += updateNextRow();
        }
        return changed;
    }

    private int updateNextRow() throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setLong(1, firstRow + next);
            next = next + 1 == rows ? 0 : next + 1;
            return update.executeUpdate();
        }
    }

    /**
     * Creates the baseline's table, once per trial.
     *
     * @param pool the database
     * @throws SQLException if the database fails
     */
    static void createTable(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
        }
    }
}
