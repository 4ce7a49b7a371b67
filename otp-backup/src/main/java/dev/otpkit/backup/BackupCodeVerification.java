package dev.otpkit.backup;

import dev.otpkit.core.Verification.Status;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking a backup code. Immutable and thread-safe; it never contains the code.
 *
 * <p>The status is one of {@link Status#VALID} (the code matched and is now used up),
 * {@link Status#INVALID} (no unused code of the account matches: wrong, already used, from an
 * old set, or the account has none), {@link Status#MALFORMED} (the input is not a backup code
 * at all) or {@link Status#LOCKED} (too many failures; the code was not checked).
 */
public final class BackupCodeVerification {
    private static final BackupCodeVerification VALID = new BackupCodeVerification(Status.VALID, null);
    private static final BackupCodeVerification INVALID = new BackupCodeVerification(Status.INVALID, null);
    private static final BackupCodeVerification MALFORMED = new BackupCodeVerification(Status.MALFORMED, null);

    private final Status status;
    private final Instant retryAfter;

    private BackupCodeVerification(Status status, Instant retryAfter) {
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static BackupCodeVerification valid() {
        return VALID;
    }

    static BackupCodeVerification invalid() {
        return INVALID;
    }

    static BackupCodeVerification malformed() {
        return MALFORMED;
    }

    static BackupCodeVerification locked(Instant retryAfter) {
        return new BackupCodeVerification(Status.LOCKED, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * Tells whether the code was accepted (and consumed).
     *
     * @return {@code true} only for {@link Status#VALID}
     */
    public boolean isValid() {
        return status == Status.VALID;
    }

    /**
     * Tells why the code was accepted or refused.
     *
     * @return {@link Status#VALID}, {@link Status#INVALID}, {@link Status#MALFORMED} or
     *     {@link Status#LOCKED}
     */
    public Status status() {
        return status;
    }

    /**
     * Returns when a locked account may try again.
     *
     * @return the instant for {@link Status#LOCKED}, empty otherwise
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Compares outcomes by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is the same outcome
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof BackupCodeVerification)) {
            return false;
        }
        BackupCodeVerification that = (BackupCodeVerification) other;
        return status == that.status && Objects.equals(retryAfter, that.retryAfter);
    }

    /**
     * Hashes the outcome's fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, retryAfter);
    }

    /**
     * Describes the outcome.
     *
     * @return for example {@code "BackupCodeVerification[INVALID]"}
     */
    @Override
    public String toString() {
        return status == Status.LOCKED
                ? "BackupCodeVerification[LOCKED until " + retryAfter + "]"
                : "BackupCodeVerification[" + status + "]";
    }
}
