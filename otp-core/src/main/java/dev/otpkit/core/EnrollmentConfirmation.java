package dev.otpkit.core;

import dev.otpkit.core.Verification.Status;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of confirming a pending enrolment with the first code of the user's app: the
 * active credential, or why not. The same shape as {@link Verification}, with the credential
 * besides. Immutable and thread-safe; made by {@link Enrollments} only.
 *
 * <p>Its {@linkplain #status() status} is one of {@link Status#VALID} (the credential is now the
 * account's), {@link Status#INVALID} (the user may try again while the enrolment lasts),
 * {@link Status#MALFORMED}, {@link Status#REPLAYED}, {@link Status#LOCKED} (with a retry
 * time), {@link Status#EXPIRED} (start a new enrolment), {@link Status#ALREADY_CONFIRMED}
 * (confirmed before; it cannot be confirmed twice) and {@link Status#UNAVAILABLE} (a store was
 * full; not counted as a failure: try again with the code the app shows then).
 */
public final class EnrollmentConfirmation {
    private final Status status;
    private final TotpCredential credential;
    private final Instant retryAfter;

    private EnrollmentConfirmation(Status status, TotpCredential credential, Instant retryAfter) {
        this.status = status;
        this.credential = credential;
        this.retryAfter = retryAfter;
    }

    /** The enrolment is confirmed: {@code credential} is the account's now. */
    static EnrollmentConfirmation confirmed(TotpCredential credential) {
        return new EnrollmentConfirmation(Status.VALID, Objects.requireNonNull(credential, "credential"), null);
    }

    /** A refusal that has no retry time: {@link Status#EXPIRED}, {@link Status#ALREADY_CONFIRMED}. */
    static EnrollmentConfirmation refused(Status status) {
        return new EnrollmentConfirmation(status, null, null);
    }

    /** The check of the code refused the confirmation: its status and retry time. */
    static EnrollmentConfirmation refused(Verification refusal) {
        if (refusal.isValid()) {
            throw new IllegalArgumentException("a valid verification is no refusal");
        }
        return new EnrollmentConfirmation(refusal.status(), null, refusal.retryAfter().orElse(null));
    }

    /**
     * Tells whether the enrolment was confirmed.
     *
     * @return {@code true} only for {@link Status#VALID}
     */
    public boolean isValid() {
        return status == Status.VALID;
    }

    /**
     * Tells why the enrolment was confirmed or refused.
     *
     * @return the status, from the vocabulary of every check
     */
    public Status status() {
        return status;
    }

    /**
     * Returns the credential to persist as the account's active one.
     *
     * @return the credential for {@link Status#VALID}, empty otherwise
     */
    public Optional<TotpCredential> credential() {
        return Optional.ofNullable(credential);
    }

    /**
     * Returns when a locked account may try again, or when a confirmation that could not be
     * recorded can be tried again.
     *
     * @return the instant for {@link Status#LOCKED}, and for {@link Status#UNAVAILABLE} when the
     *     full store could tell; empty otherwise
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Compares outcomes: the same status, the same retry time and the same credential.
     *
     * @param other the object to compare with
     * @return whether {@code other} is the same outcome
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof EnrollmentConfirmation)) {
            return false;
        }
        EnrollmentConfirmation that = (EnrollmentConfirmation) other;
        return status == that.status && Objects.equals(retryAfter, that.retryAfter)
                && Objects.equals(credential, that.credential);
    }

    /**
     * Hashes the outcome's fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, retryAfter, credential);
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
