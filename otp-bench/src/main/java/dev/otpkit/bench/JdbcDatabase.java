package dev.otpkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.jdbc.OtpkitSchema;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The database of a trial of {@link JdbcVerifyBenchmark} or {@link BareUpdateBaseline}: a
 * {@link DatabaseServer} made for the trial and deleted after it, one HikariCP pool with a
 * connection per benchmark thread, otpkit's tables, the baseline's table, and the stores every
 * thread shares.
 */
@State(Scope.Benchmark)
public class JdbcDatabase {
    /**
     * Accounts (or baseline rows) over all threads: each thread takes turns on its share. Wrong
     * codes count failures, and the limiter locks an account at 100 in a row; the failure counts
     * are reset between iterations (and slices), and with this many accounts even a thread that
     * the scheduler favours several times over its share stays far below 100 on each.
     */
    static final int ROWS = 32_768;

    /** {@code h2} (a file) or {@code postgresql} (embedded); see {@link DatabaseServer}. */
    @Param({DatabaseServer.H2, DatabaseServer.POSTGRESQL})
    public String database;

    private DatabaseServer server;
    private HikariDataSource pool;
    private JdbcLogins.Stores stores;

    /** Made by JMH, once per trial. */
    public JdbcDatabase() {
    }

    /**
     * Starts the server, opens the pool, creates the tables and builds the stores.
     *
     * @param benchmark the trial's parameters, for its thread count
     * @throws SQLException if the database fails
     */
    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) throws SQLException {
        server = DatabaseServer.start(database);
        pool = server.pool(benchmark.getThreads());
        OtpkitSchema.create(pool);
        BareUpdateBaseline.createTable(pool);
        stores = JdbcLogins.Stores.on(pool);
    }

    /**
     * Keeps wrong-code logins below the limiter's consecutive-failure limit, before each
     * iteration.
     *
     * @throws SQLException if the database fails
     */
    @Setup(Level.Iteration)
    public void resetFailureCounts() throws SQLException {
        JdbcLogins.resetFailureCounts(pool);
    }

    /** Closes the pool and stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        pool.close();
        server.close();
    }

    DataSource pool() {
        return pool;
    }

    JdbcLogins.Stores stores() {
        return stores;
    }

    /**
     * Returns one thread's share of the accounts or rows.
     *
     * @param threads the trial's thread count
     * @return {@link #ROWS} divided among them
     */
    static int rowsPerThread(int threads) {
        return ROWS / threads;
    }
}
