package dev.otpkit.bench;

import javax.sql.DataSource;

/**
 * Counts the round trips of the logins {@link JdbcVerifyBenchmark} measures: the same
 * {@link JdbcLogins}, on stores built on a {@link CountingDataSource}, on accounts of their own.
 *
 * @param statements statements sent per login, on average
 * @param transactionControl commits, rollbacks and auto-commit switches per login, on average
 */
record RoundTrips(double statements, double transactionControl) {
    /** Accounts per count: each takes turns, as in the benchmark. */
    private static final int ACCOUNTS = 32;
    /** Logins counted per account. */
    private static final int ROUNDS = 4;

    /**
     * Counts the round trips of logins.
     *
     * @param pool the database, with otpkit's tables created
     * @param kind what each login presents
     * @param seeded {@code true} for logins on accounts seeded as in the benchmark (a step
     *     accepted before, or a failure counted before); {@code false} for each account's first
     *     login, as after the replay guard's row was purged, or a first failure
     * @param accountPrefix the start of the account ids, not used before on this database
     * @return the round trips per login
     */
    static RoundTrips perLogin(DataSource pool, JdbcLogins.Kind kind, boolean seeded, String accountPrefix) {
        CountingDataSource counting = new CountingDataSource(pool);
        JdbcLogins logins = new JdbcLogins(JdbcLogins.Stores.on(counting.dataSource()), kind, accountPrefix, ACCOUNTS);
        int count = seeded ? ACCOUNTS * ROUNDS : ACCOUNTS;
        if (seeded) {
            logins.seed();
            counting.reset();
        }
        for (int i = 0; i < count; i++) {
            logins.login();
        }
        return new RoundTrips((double) counting.statements() / count, (double) counting.transactionControl() / count);
    }
}
