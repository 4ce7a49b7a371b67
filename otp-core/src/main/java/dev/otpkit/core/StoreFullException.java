package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded store had no room for a new entry: it is full of entries that still matter (an
 * account's failures, a step still inside a window, a live code), and it fails closed rather
 * than forget one of them. Entries that no longer matter are dropped before a store gives up.
 *
 * <p>Raised while a code is checked, the services answer
 * {@link Verification.Status#UNAVAILABLE} with {@link #retryAfter()}: the code is not
 * accepted, and the attempt is not counted as a failure. Raised while something is written
 * (issuing an email code, storing backup codes), it reaches the caller. The message names the
 * store and its bound, never an account id, a code or a secret.
 */
public final class StoreFullException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** When room is expected again; {@code null} when the store cannot tell. */
    private final Instant retryAfter;

    /**
     * Makes the exception of a store that cannot tell when room frees, such as an attempt
     * limiter whose entries leave only when accounts succeed.
     *
     * @param store the store, as a user would name it, such as {@code "in-memory AttemptLimiter"}
     * @param maxEntries the store's bound, in entries
     * @throws NullPointerException if {@code store} is null
     */
    public StoreFullException(String store, long maxEntries) {
        super(message(store, maxEntries));
        this.retryAfter = null;
    }

    /**
     * Makes the exception of a store that knows when its first entry stops mattering.
     *
     * @param store the store, as a user would name it, such as {@code "in-memory ReplayGuard"}
     * @param maxEntries the store's bound, in entries
     * @param retryAfter when the store expects room again
     * @throws NullPointerException if {@code store} or {@code retryAfter} is null
     */
    public StoreFullException(String store, long maxEntries, Instant retryAfter) {
        super(message(store, maxEntries) + "; room expected at " + Objects.requireNonNull(retryAfter, "retryAfter"));
        this.retryAfter = retryAfter;
    }

    private static String message(String store, long maxEntries) {
        return Objects.requireNonNull(store, "store") + " is full (maxEntries " + maxEntries
                + ") and every entry still matters";
    }

    /**
     * Returns when the store expects room again: an estimate, as entries may be kept longer
     * meanwhile.
     *
     * @return the instant, or empty if the store cannot tell (an attempt limiter's entries stop
     *     mattering only when their accounts succeed)
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
