package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking a code: valid or not, and why. Immutable and thread-safe.
 *
 * <p>A wrong, empty or garbled code is an outcome, never an exception. Only a
 * {@linkplain Status#VALID valid} outcome has a {@linkplain #matchedCounter() matched counter}
 * and a {@linkplain #drift() drift}; only a {@linkplain Status#LOCKED locked} or
 * {@linkplain Status#UNAVAILABLE unavailable} one has a {@linkplain #retryAfter() retry time}.
 * Nothing here reveals the code or the secret.
 */
public final class Verification {

    /** Why a code was accepted or refused. */
    public enum Status {
        /** The code matched and was accepted. */
        VALID,
        /** The code was well formed but did not match. */
        INVALID,
        /** The input was not a code at all: wrong length, not ASCII digits, too long to read. */
        MALFORMED,
        /** The code matched, but it (or a newer one) was accepted before, so it is refused. */
        REPLAYED,
        /** Too many failures: the account is locked and the code was not even checked. */
        LOCKED,
        /** The code, or the pending operation it was for, has expired. */
        EXPIRED,
        /**
         * The code could not be checked now: it may be right, but the replay guard had no room
         * to record it, so it was not accepted (failing closed). Not counted as a failure; try
         * again at {@link Verification#retryAfter()}. Tell the user to wait a moment rather than
         * that the code was wrong.
         */
        UNAVAILABLE
    }

    private static final Verification INVALID = new Verification(Status.INVALID, 0, 0, null);
    private static final Verification MALFORMED = new Verification(Status.MALFORMED, 0, 0, null);
    private static final Verification REPLAYED = new Verification(Status.REPLAYED, 0, 0, null);
    private static final Verification EXPIRED = new Verification(Status.EXPIRED, 0, 0, null);

    private final Status status;
    private final long matchedCounter;
    private final int drift;
    private final Instant retryAfter;

    private Verification(Status status, long matchedCounter, int drift, Instant retryAfter) {
        this.status = status;
        this.matchedCounter = matchedCounter;
        this.drift = drift;
        this.retryAfter = retryAfter;
    }

    /**
     * A valid outcome.
     *
     * @param matchedCounter the HOTP counter or TOTP time step that matched, 0 or more
     * @param drift how far the match was from the expected counter or current step: negative
     *     behind, positive ahead, in steps
     * @return the outcome
     */
    public static Verification valid(long matchedCounter, int drift) {
        return new Verification(Status.VALID, matchedCounter, drift, null);
    }

    /**
     * A well-formed code that did not match.
     *
     * @return the shared outcome
     */
    public static Verification invalid() {
        return INVALID;
    }

    /**
     * Input that is not a code of the expected shape.
     *
     * @return the shared outcome
     */
    public static Verification malformed() {
        return MALFORMED;
    }

    /**
     * A code accepted before (or older than one accepted before).
     *
     * @return the shared outcome
     */
    public static Verification replayed() {
        return REPLAYED;
    }

    /**
     * An expired code or pending operation.
     *
     * @return the shared outcome
     */
    public static Verification expired() {
        return EXPIRED;
    }

    /**
     * A refusal because the account is locked.
     *
     * @param retryAfter the instant from which a new attempt will be considered;
     *     {@link Instant#MAX} when waiting will not help and the account stays locked until the
     *     application unlocks it
     * @return the outcome
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public static Verification locked(Instant retryAfter) {
        return new Verification(Status.LOCKED, 0, 0, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * A refusal because the code could not be checked now, not counted as a failure.
     *
     * @param retryAfter the instant from which a new attempt is expected to be checked;
     *     {@link Instant#MAX} when waiting will not help
     * @return the outcome
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public static Verification unavailable(Instant retryAfter) {
        return new Verification(Status.UNAVAILABLE, 0, 0, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * Tells whether the code was accepted.
     *
     * @return {@code true} only for {@link Status#VALID}
     */
    public boolean isValid() {
        return status == Status.VALID;
    }

    /**
     * Tells why the code was accepted or refused.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }

    /**
     * Returns the HOTP counter or TOTP time step that matched.
     *
     * @return the counter, 0 or more
     * @throws IllegalStateException if the outcome is not {@link Status#VALID}
     */
    public long matchedCounter() {
        requireValid("matched counter");
        return matchedCounter;
    }

    /**
     * Returns the counter to store after an HOTP match (RFC 4226 section 7.4): the matched
     * counter plus one.
     *
     * @return the next expected counter
     * @throws IllegalStateException if the outcome is not {@link Status#VALID}
     */
    public long nextCounter() {
        requireValid("next counter");
        return matchedCounter + 1;
    }

    /**
     * Returns how far the match was from the expected counter (HOTP) or the current time step
     * (TOTP), in steps: negative for a code from the past, positive for one from the future.
     *
     * @return the drift in steps
     * @throws IllegalStateException if the outcome is not {@link Status#VALID}
     */
    public int drift() {
        requireValid("drift");
        return drift;
    }

    /**
     * Returns when a locked account may try again, or when a code that could not be checked
     * can be checked.
     *
     * @return the instant for {@link Status#LOCKED} ({@link Instant#MAX} if only the
     *     application can unlock the account) and {@link Status#UNAVAILABLE}, empty otherwise
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private void requireValid(String what) {
        if (status != Status.VALID) {
            throw new IllegalStateException("no " + what + ": the verification is " + status);
        }
    }

    /**
     * Compares outcomes by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is the same outcome
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Verification)) {
            return false;
        }
        Verification that = (Verification) other;
        return status == that.status && matchedCounter == that.matchedCounter && drift == that.drift
                && Objects.equals(retryAfter, that.retryAfter);
    }

    /**
     * Hashes the outcome's fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, matchedCounter, drift, retryAfter);
    }

    /**
     * Describes the outcome; it never contains a code or secret.
     *
     * @return for example {@code "Verification[VALID, counter 1234, drift -1]"}
     */
    @Override
    public String toString() {
        switch (status) {
            case VALID:
                return "Verification[VALID, counter " + matchedCounter + ", drift " + drift + "]";
            case LOCKED:
                return "Verification[LOCKED until " + (Instant.MAX.equals(retryAfter) ? "reset" : retryAfter) + "]";
            case UNAVAILABLE:
                return "Verification[UNAVAILABLE until " + retryAfter + "]";
            default:
                return "Verification[" + status + "]";
        }
    }
}
