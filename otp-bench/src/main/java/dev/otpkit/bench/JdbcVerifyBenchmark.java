package dev.otpkit.bench;

import dev.otpkit.core.Verification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * How many TOTP logins a database sustains through otp-jdbc: the account-aware
 * {@code TotpVerifier.verify(accountId, secret, code)} with the JDBC attempt limiter and replay
 * guard, on H2 and PostgreSQL ({@link JdbcDatabase}), on as many threads as JMH's {@code -t}
 * says. Each thread logs in on accounts of its own, in turn ({@link JdbcLogins}): with a right
 * code (a fresh one every login: {@code VALID}), or a wrong one ({@code INVALID}). Measure it
 * beside {@link BareUpdateBaseline}, the database's own limit for as many statements; the round
 * trips per login are counted by {@link RoundTrips}.
 *
 * <p>Both sample the latency of operations, which gives the percentiles and the throughput
 * alike: each thread runs its operations back to back, so a trial's operations per second are
 * its threads divided by the mean latency. Separate forks of the two disagree with each other
 * by up to a factor of two at 8 and 32 threads on two cores; {@link JdbcCompare} therefore runs
 * the same logins and updates taking turns in one JVM ({@link InterleavedLoad}) for the README's
 * table.
 */
public class JdbcVerifyBenchmark extends JdbcTrialSettings {
    /** {@code right}: a fresh valid code each login; {@code wrong}: a code out of the window. */
    @Param({"right", "wrong"})
    public String login;

    private JdbcLogins logins;

    /** Made by JMH, once per thread. */
    public JdbcVerifyBenchmark() {
    }

    /**
     * Prepares this thread's logins and seeds its accounts, outside the measurement.
     *
     * @param database the trial's database
     * @param thread which thread this is, and of how many
     */
    @Setup(Level.Trial)
    public void setUp(JdbcDatabase database, ThreadParams thread) {
        logins = new JdbcLogins(database.stores(), JdbcLogins.Kind.of(login), "t" + thread.getThreadIndex() + "-",
                JdbcDatabase.rowsPerThread(thread.getThreadCount()));
        logins.seed();
    }

    /**
     * One login through otp-jdbc.
     *
     * @return the outcome, always the one expected for the code
     */
    @Benchmark
    public Verification.Status verify() {
        return logins.login();
    }
}
