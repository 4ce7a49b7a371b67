package dev.otpkit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The database's own limit for the work of a login: per operation, {@code statements} bare
 * single-row {@code UPDATE}s by primary key ({@code SET n = n + 1}), each in auto-commit and each
 * taken through the pool as otp-jdbc takes its statements (borrow a connection, prepare, bind,
 * run, give back), on rows of the thread's own, on the same {@link JdbcDatabase} and pool as
 * {@link JdbcVerifyBenchmark}. Set {@code statements} to the round trips a login makes
 * ({@link RoundTrips}).
 *
 * <p>The rows are keyed as otp-jdbc's are, by a {@code VARCHAR(255)} id shaped like the
 * benchmark's account ids ({@code t3-1234}): finding a row by the application's account id is
 * part of the work, and no store can key by a number. {@code key = bigint} keys them by a
 * {@code BIGINT} instead, to show what that costs (on H2, in-process, much of an update).
 */
public class BareUpdateBaseline extends JdbcTrialSettings {
    private static final String VARCHAR_TABLE = "otpkit_bench_varchar";
    private static final String BIGINT_TABLE = "otpkit_bench_bigint";

    /** Single-row updates per operation, 1 or more. */
    @Param({"1", "2", "3"})
    public int statements;

    /** {@code varchar}: rows keyed like otp-jdbc's; {@code bigint}: by a number. */
    @Param({"varchar", "bigint"})
    public String key;

    private DataSource pool;
    private boolean varcharKey;
    private String update;
    private String[] ids;
    private long firstRow;
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
     * @param pool the database, with the baseline's tables created
     * @param thread the thread's index, 0 to {@code threads - 1}
     * @param threads how many threads share the tables
     * @throws SQLException if the database fails
     * @throws IllegalArgumentException if {@link #key} is neither {@code varchar} nor {@code bigint}
     */
    void setUp(DataSource pool, int thread, int threads) throws SQLException {
        if (!key.equals("varchar") && !key.equals("bigint")) {
            throw new IllegalArgumentException("key must be varchar or bigint, was " + key);
        }
        this.pool = pool;
        varcharKey = key.equals("varchar");
        String table = varcharKey ? VARCHAR_TABLE : BIGINT_TABLE;
        update = "UPDATE " + table + " SET n = n + 1 WHERE id = ?";
        ids = new String[JdbcDatabase.rowsPerThread(threads)];
        firstRow = (long) thread * ids.length;
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, 0)")) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = "t" + thread + "-" + i;
                bindRow(insert, i);
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
                PreparedStatement statement = connection.prepareStatement(update)) {
            bindRow(statement, next);
            next = next + 1 == ids.length ? 0 : next + 1;
            return statement.executeUpdate();
        }
    }

    private void bindRow(PreparedStatement statement, int row) throws SQLException {
        if (varcharKey) {
            statement.setString(1, ids[row]);
        } else {
            statement.setLong(1, firstRow + row);
        }
    }

    /**
     * Creates the baseline's tables, once per trial.
     *
     * @param pool the database
     * @throws SQLException if the database fails
     */
    static void createTable(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + VARCHAR_TABLE + " (id VARCHAR(255) PRIMARY KEY, n BIGINT NOT NULL)");
            statement.execute("CREATE TABLE " + BIGINT_TABLE + " (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
        }
    }
}
