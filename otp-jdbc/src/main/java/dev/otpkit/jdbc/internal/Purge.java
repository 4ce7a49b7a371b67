package dev.otpkit.jdbc.internal;

import java.time.Clock;

/** The bounded delete of expired rows that the stores with a time to live share. */
public final class Purge {
    /** The most rows one purge statement may delete: 100,000. */
    public static final int MAX_ROWS = 100_000;

    private Purge() {
    }

    /**
     * Runs a purge statement with parameters {@code now_ms} and {@code max_rows}.
     *
     * @param database the store's database
     * @param statement the name of its purge statement
     * @param clock the store's clock
     * @param maxRows the most rows to delete, 1 to {@value #MAX_ROWS}
     * @return the number of rows deleted
     * @throws IllegalArgumentException if {@code maxRows} is out of range
     */
    public static int expired(Database database, String statement, Clock clock, int maxRows) {
        if (maxRows < 1 || maxRows > MAX_ROWS) {
            throw new IllegalArgumentException("maxRows must be 1 to " + MAX_ROWS + ", was " + maxRows);
        }
        long now = clock.millis();
        return database.call(session -> session.statement(statement).set("now_ms", now)
                .set("max_rows", maxRows).update());
    }
}
