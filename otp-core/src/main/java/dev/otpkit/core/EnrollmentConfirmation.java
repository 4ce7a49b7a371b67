package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of confirming a pending enrolment with the first code of the user's app: the
 * active credential, or why not. Immutable and thread-safe.
 */
public final class EnrollmentConfirmation {

    /** Why an enrolment was confirmed or refused. */
    public enum Status {
        /** The code matched: the {@linkplain #credential() credential} is now the account's. */
        CONFIRMED,
        /** The code did not match; the user may try again while the enrolment lasts. */
        INVALID,
        /** The input was not a code of the enrolment's length. */
        MALFORMED,
        /** The code matched but was already used with this enrolment's secret. */
        REPLAYED,
        /** Too many failures: the account is locked; the code was not checked. */
        LOCKED,
        /** The pending enrolment has expired: start a new one. */
        EXPIRED,
        /** The pending enrolment was confirmed before; it cannot be confirmed twice. */
        ALREADY_CONFIRMED,
        /**
         * The code could not be checked or the confirmation not recorded now (a replay guard had
         * no room); not counted as a failure. Try again at
         * {@link EnrollmentConfirmation#retryAfter()} with the code the app shows then.
         */
        UNAVAILABLE
    }

    private final Status status;
    private final TotpCredential credential;
    private final Instant retryAfter;

    private EnrollmentConfirmation(Status status, TotpCredential credential, Instant retryAfter) {
        this.status = status;
        this.credential = credential;
        this.retryAfter = retryAfter;
    }

    static EnrollmentConfirmation confirmed(TotpCredential credential) {
        return new EnrollmentConfirmation(Status.CONFIRMED, Objects.requireNonNull(credential), null);
    }

    static EnrollmentConfirmation refused(Status status) {
        return new EnrollmentConfirmation(status, null, null);
    }

    static EnrollmentConfirmation locked(Instant retryAfter) {
        return new EnrollmentConfirmation(Status.LOCKED, null, Objects.requireNonNull(retryAfter));
    }

    static EnrollmentConfirmation unavailable(Instant retryAfter) {
        return new EnrollmentConfirmation(Status.UNAVAILABLE, null, Objects.requireNonNull(retryAfter));
    }

    /**
     * Tells whether the enrolment was confirmed.
     *
     * @return {@code true} only for {@link Status#CONFIRMED}
     */
    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    /**
     * Tells why the enrolment was confirmed or refused.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }

    /**
     * Returns the credential to persist as the account's active one.
     *
     * @return the credential for {@link Status#CONFIRMED}, empty otherwise
     */
    public Optional<TotpCredential> credential() {
        return Optional.ofNullable(credential);
    }

    /**
     * Returns when a locked account may try again, or when a confirmation that could not be
     * recorded can be tried again.
     *
     * @return the instant for {@link Status#LOCKED} and {@link Status#UNAVAILABLE}, empty
     *     otherwise
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Describes the outcome without the secret or the code.
     *
     * @return for example {@code "EnrollmentConfirmation[EXPIRED]"}
     */
    @Override
    public String toString() {
        return "EnrollmentConfirmation[" + status + (retryAfter == null ? "" : " until " + retryAfter) + "]";
    }
}
