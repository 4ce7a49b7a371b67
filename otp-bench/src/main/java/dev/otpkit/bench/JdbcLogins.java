package dev.otpkit.bench;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import dev.otpkit.jdbc.JdbcAttemptLimiter;
import dev.otpkit.jdbc.JdbcReplayGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * One thread's logins through otp-jdbc: the account-aware
 * {@link TotpVerifier#verify(String, OtpSecret, CharSequence)} with a {@link JdbcAttemptLimiter}
 * and a {@link JdbcReplayGuard}, each login on the next of the thread's accounts in turn, so
 * that every login runs the stores' real statements on a row of its own.
 *
 * <ul>
 *   <li>{@link Kind#RIGHT}: each login presents the code of a step newer than the one last
 *       accepted for its account, and is {@code VALID}: the failure is counted, the step accepted
 *       and the count cleared. The codes are computed in advance (all accounts share one secret,
 *       which the stores never see), and each login's verifier reads a clock fixed in the login's
 *       step.</li>
 *   <li>{@link Kind#WRONG}: each login presents a code outside the window, and is
 *       {@code INVALID}: the failure is counted. The limiter locks only at its consecutive-failure
 *       limit (100); {@link #resetFailureCounts(DataSource)} keeps the accounts below it.</li>
 * </ul>
 *
 * <p>{@link #seed()} puts each account in the state a login usually meets: for a right code, a
 * step accepted before (a replay-guard row exists: the user logged in within the last minutes);
 * for a wrong one, a failure counted before. Without it, each account's first login takes the
 * other path (no row yet). Not thread-safe: one per thread.
 */
final class JdbcLogins {
    /** What each login presents. */
    enum Kind {
        /** The current code of a step never accepted for the account. */
        RIGHT,
        /** A code that matches no step of the window. */
        WRONG;

        /**
         * Reads a benchmark parameter.
         *
         * @param name {@code right} or {@code wrong}
         * @return the kind
         * @throws IllegalArgumentException for another name
         */
        static Kind of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The stores every thread's verifier shares, as an application's servers would.
     *
     * @param replayGuard the JDBC replay guard
     * @param attemptLimiter the JDBC attempt limiter; it locks at 100 consecutive failures only
     */
    record Stores(ReplayGuard replayGuard, AttemptLimiter attemptLimiter) {
        /**
         * Builds the stores on a data source whose tables exist.
         *
         * @param dataSource the database
         * @return the stores
         */
        static Stores on(DataSource dataSource) {
            Clock clock = Clock.fixed(Scenario.TIME, ZoneOffset.UTC);
            return new Stores(JdbcReplayGuard.builder(dataSource).clock(clock).build(),
                    JdbcAttemptLimiter.builder(dataSource).clock(clock)
                            .failuresBeforeLock(AttemptLimiter.MAX_CONSECUTIVE_FAILURES)
                            .build());
        }
    }

    /** Steps a right-code login can move through; logins per thread are at most this times the accounts. */
    static final int STEPS = 8192;

    private static final Totp TOTP = Totp.builder().build();
    private static final OtpSecret SECRET = OtpSecret.fromBytes(Scenario.SECRET);
    /** The code of step {@code Scenario.STEP + i}; computed once, not measured. */
    private static final String[] RIGHT_CODES = rightCodes();
    private static final String WRONG_CODE = Scenario.code("wrong");

    private final Kind kind;
    private final Stores stores;
    private final String[] accounts;
    /** Each round's verifier, on a clock fixed in the round's step; made when first needed. */
    private final TotpVerifier[] verifiers = new TotpVerifier[STEPS];
    private long logins;

    /**
     * Prepares logins on accounts of their own.
     *
     * @param stores the stores, with their tables created
     * @param kind what each login presents
     * @param accountPrefix the start of every account id, different for each thread
     * @param accounts how many accounts the logins take turns on, 1 or more
     */
    JdbcLogins(Stores stores, Kind kind, String accountPrefix, int accounts) {
        this.kind = kind;
        this.stores = stores;
        this.accounts = new String[accounts];
        for (int i = 0; i < accounts; i++) {
            this.accounts[i] = accountPrefix + i;
        }
    }

    /**
     * Logs in once on every account, at the scenario's step, so that the next logins meet a
     * replay-guard row (right codes) or a failure count (wrong codes).
     *
     * @throws IllegalStateException if a login has another outcome than expected
     */
    void seed() {
        TotpVerifier verifier = verifier(0);
        for (String account : accounts) {
            check(verifier.verify(account, SECRET, kind == Kind.RIGHT ? RIGHT_CODES[0] : WRONG_CODE).status());
        }
    }

    /**
     * Logs in on the next account.
     *
     * @return the outcome: {@code VALID} for right codes, {@code INVALID} for wrong ones
     * @throws IllegalStateException if the outcome is another, or the steps ran out
     */
    Verification.Status login() {
        int account = (int) (logins % accounts.length);
        int round = (int) Math.min(1 + logins / accounts.length, STEPS);
        logins++;
        if (kind == Kind.WRONG) {
            return check(verifier(0).verify(accounts[account], SECRET, WRONG_CODE).status());
        }
        if (round == STEPS) {
            throw new IllegalStateException("every account used its " + STEPS + " steps; give more accounts");
        }
        return check(verifier(round).verify(accounts[account], SECRET, RIGHT_CODES[round]).status());
    }

    /**
     * The verifier of a round, whose clock reads 15 s into step {@code Scenario.STEP + round}.
     * Verifiers are immutable, so each step has its own rather than one clock moved along.
     */
    private TotpVerifier verifier(int round) {
        TotpVerifier verifier = verifiers[round];
        if (verifier == null) {
            verifier = TotpVerifier.builder(TOTP)
                    .clock(Clock.fixed(Scenario.TIME.plusSeconds((long) round * Scenario.PERIOD_SECONDS),
                            ZoneOffset.UTC))
                    .replayGuard(stores.replayGuard())
                    .attemptLimiter(stores.attemptLimiter())
                    .build();
            verifiers[round] = verifier;
        }
        return verifier;
    }

    private Verification.Status check(Verification.Status status) {
        Verification.Status expected = kind == Kind.RIGHT ? Verification.Status.VALID : Verification.Status.INVALID;
        if (status != expected) {
            throw new IllegalStateException("a " + kind + " code was " + status + ", not " + expected);
        }
        return status;
    }

    /**
     * Sets every account's failure count back to one, as after a single failure, so that wrong
     * codes never reach the consecutive-failure limit. Between iterations, never measured.
     *
     * @param dataSource the database
     * @throws SQLException if the database fails
     */
    static void resetFailureCounts(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE otpkit_attempt_limiter SET failures_since_lock = 1, consecutive_failures = 1");
        }
    }

    private static String[] rightCodes() {
        String[] codes = new String[STEPS];
        for (int i = 0; i < STEPS; i++) {
            codes[i] = TOTP.generateForStep(SECRET, Scenario.STEP + i);
        }
        return codes;
    }
}
