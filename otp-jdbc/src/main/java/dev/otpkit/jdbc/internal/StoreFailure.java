package dev.otpkit.jdbc.internal;

import dev.otpkit.core.StoreException;
import java.sql.SQLException;

/**
 * The one place that makes the {@link StoreException} a JDBC store throws when its database
 * fails. Messages name the store and the statement, never an account
 * id, a code, a hash or a secret; the driver's {@link SQLException} is the cause.
 */
public final class StoreFailure {
    private StoreFailure() {
    }

    /**
     * Makes the exception for a failed database call.
     *
     * @param store the store, such as {@code "JdbcReplayGuard"}
     * @param what what it was doing, such as {@code "statement replay.accept"}
     * @param cause the driver's error
     * @return the exception to throw
     */
    public static StoreException of(String store, String what, SQLException cause) {
        return create(store + ": the database failed (" + what + ", SQLState " + cause.getSQLState() + ")", cause);
    }

    /**
     * Makes the exception for a database that cannot be used at all (an unsupported product or
     * version), or for an operation that kept meeting concurrent changes.
     *
     * @param store the store
     * @param message what is wrong and what would be right
     * @return the exception to throw
     */
    public static StoreException of(String store, String message) {
        return create(store + ": " + message, null);
    }

    private static StoreException create(String message, Throwable cause) {
        return new StoreException(message, cause);
    }
}
