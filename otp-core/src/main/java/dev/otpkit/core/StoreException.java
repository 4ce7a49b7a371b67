package dev.otpkit.core;

/**
 * A store behind one of otpkit's SPIs ({@link ReplayGuard}, {@link AttemptLimiter},
 * {@link OneTimeCodeStore}, the backup-code store) could not do what was asked: its database
 * is unreachable, a statement failed, or it is full ({@link StoreFullException}). Unchecked:
 * the caller of a verification cannot repair a store, so it lets the error reach its own error
 * handling. The message never contains an account id, a code or a secret.
 *
 * <p>The services let a {@code StoreException} propagate, with one exception: a
 * {@link StoreFullException} raised while a code is checked becomes
 * {@link Verification.Status#UNAVAILABLE}, neither accepted nor counted as a failure.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes an exception with a message.
     *
     * @param message what failed, without account ids, codes or secrets
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Makes an exception with a message and the error that caused it, such as an
     * {@code SQLException}.
     *
     * @param message what failed, without account ids, codes or secrets
     * @param cause the underlying error
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
