package dev.otpkit.core;

import dev.otpkit.core.internal.Results;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of every check otpkit makes: a TOTP or HOTP code, a backup code, an email or SMS
 * code, and (as {@link EnrollmentConfirmation}) the first code of a new authenticator. Valid or
 * not, and why. Immutable and thread-safe.
 *
 * <p>A wrong, empty or garbled code is an outcome, never an exception. Only a valid TOTP or HOTP
 * outcome has a {@linkplain #match() match} (the counter that matched and its drift); only a
 * {@linkplain Status#LOCKED locked} one, and an {@linkplain Status#UNAVAILABLE unavailable} one
 * whose store could tell, have a {@linkplain #retryAfter() retry time}. Nothing here reveals the
 * code or the secret. Outcomes are made by otpkit only.
 */
public final class Verification {

    /** Why a code was accepted or refused: one vocabulary for every check. */
    public enum Status {
        /** The code matched and was accepted. Every check. */
        VALID,
        /**
         * The code was well formed but did not match. Every check; for email and SMS codes and
         * backup codes the try is used up as well.
         */
        INVALID,
        /**
         * The input was not a code at all: wrong length, not the expected characters, too long
         * to read. Every check; it uses no attempt.
         */
        MALFORMED,
        /**
         * The code matched, but it (or a newer one) was accepted before, so it is refused.
         * Account-aware TOTP and HOTP checks and enrolment confirmations; for email and SMS
         * codes, a concurrent request consumed the code first.
         */
        REPLAYED,
        /**
         * Too many failures: the account is locked and the code was not even checked; see
         * {@link Verification#retryAfter()}. Account-aware TOTP and HOTP checks, backup codes and
         * enrolment confirmations.
         */
        LOCKED,
        /**
         * The code, or the pending operation it was for, has expired, was used or was replaced:
         * none can be accepted any more. Email and SMS codes and enrolment confirmations.
         */
        EXPIRED,
        /**
         * The pending enrolment was confirmed before; it cannot be confirmed twice. Enrolment
         * confirmations only.
         */
        ALREADY_CONFIRMED,
        /**
         * The code could not be checked now: a store was full ({@link StoreFullException}), so
         * the code was not accepted (failing closed). Not counted as a failure; try again at
         * {@link Verification#retryAfter()} when present. Tell the user to wait a moment rather
         * than that the code was wrong. Account-aware TOTP and HOTP checks, backup codes and
         * enrolment confirmations.
         */
        UNAVAILABLE
    }

    /**
     * Which counter a valid TOTP or HOTP code matched. Immutable and thread-safe; compared by
     * value.
     */
    public static final class Match {
        private final long counter;
        private final int drift;

        private Match(long counter, int drift) {
            this.counter = counter;
            this.drift = drift;
        }

        /**
         * Returns the counter that matched: the TOTP time step or the HOTP counter.
         *
         * @return the counter, 0 or more
         */
        public long counter() {
            return counter;
        }

        /**
         * Returns how far the match was from the current time step (TOTP) or the expected
         * counter (HOTP), in steps: negative for a code from the past, positive for one from the
         * future.
         *
         * @return the drift in steps
         */
        public int drift() {
            return drift;
        }

        /**
         * Returns the counter to store after an HOTP match (RFC 4226 section 7.4): the matched
         * counter plus one.
         *
         * @return the next expected counter
         * @throws ArithmeticException if the matched counter is {@link Long#MAX_VALUE}, after
         *     which no counter is left
         */
        public long nextCounter() {
            return Math.addExact(counter, 1);
        }

        /**
         * Compares matches by value.
         *
         * @param other the object to compare with
         * @return whether {@code other} is a match of the same counter with the same drift
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Match && counter == ((Match) other).counter && drift == ((Match) other).drift;
        }

        /**
         * Hashes the counter and the drift.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Long.hashCode(counter) * 31 + drift;
        }

        /**
         * Describes the match.
         *
         * @return for example {@code "Match[counter 1234, drift -1]"}
         */
        @Override
        public String toString() {
            return "Match[counter " + counter + ", drift " + drift + "]";
        }
    }

    private static final Verification VALID = new Verification(Status.VALID, null, null);
    private static final Verification INVALID = new Verification(Status.INVALID, null, null);
    private static final Verification MALFORMED = new Verification(Status.MALFORMED, null, null);
    private static final Verification REPLAYED = new Verification(Status.REPLAYED, null, null);
    private static final Verification EXPIRED = new Verification(Status.EXPIRED, null, null);

    static {
        // The other otpkit modules make outcomes through Results, which reaches these
        // package-private factories through this bridge (the JDK's SharedSecrets idiom).
        Results.install(new Results.Factories() {
            @Override
            public Verification valid() {
                return Verification.valid();
            }

            @Override
            public Verification valid(long counter, int drift) {
                return Verification.valid(counter, drift);
            }

            @Override
            public Verification invalid() {
                return Verification.invalid();
            }

            @Override
            public Verification malformed() {
                return Verification.malformed();
            }

            @Override
            public Verification replayed() {
                return Verification.replayed();
            }

            @Override
            public Verification locked(Instant retryAfter) {
                return Verification.locked(retryAfter);
            }

            @Override
            public Verification unavailable(Optional<Instant> retryAfter) {
                return Verification.unavailable(retryAfter);
            }
        });
    }

    private final Status status;
    /** The matched counter of a valid TOTP or HOTP outcome, else {@code null}. */
    private final Match match;
    /** The retry time of a locked or unavailable outcome, else {@code null}. */
    private final Instant retryAfter;

    private Verification(Status status, Match match, Instant retryAfter) {
        this.status = status;
        this.match = match;
        this.retryAfter = retryAfter;
    }

    /** A valid TOTP or HOTP outcome: the counter that matched and its drift in steps. */
    static Verification valid(long counter, int drift) {
        return new Verification(Status.VALID, new Match(counter, drift), null);
    }

    /** A valid outcome of a check without counters (backup, email and SMS codes); shared. */
    static Verification valid() {
        return VALID;
    }

    /** A well-formed code that did not match; shared. */
    static Verification invalid() {
        return INVALID;
    }

    /** Input that is not a code of the expected shape; shared. */
    static Verification malformed() {
        return MALFORMED;
    }

    /** A code accepted before (or older than one accepted before); shared. */
    static Verification replayed() {
        return REPLAYED;
    }

    /** An expired, used or replaced code or pending operation; shared. */
    static Verification expired() {
        return EXPIRED;
    }

    /**
     * A refusal because the account is locked, until {@code retryAfter}: {@link Instant#MAX}
     * when waiting will not help and only the application can unlock the account.
     */
    static Verification locked(Instant retryAfter) {
        return new Verification(Status.LOCKED, null, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** A refusal because a store was full, with when it expects room if it can tell. */
    static Verification unavailable(Optional<Instant> retryAfter) {
        return new Verification(Status.UNAVAILABLE, null, retryAfter.orElse(null));
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
     * Returns which counter a TOTP or HOTP code matched. After an HOTP match, store
     * {@code match().orElseThrow().nextCounter()}.
     *
     * @return the match of a {@link Status#VALID} TOTP or HOTP outcome; empty for every other
     *     outcome, and for valid backup, email and SMS codes, which have no counter
     */
    public Optional<Match> match() {
        return Optional.ofNullable(match);
    }

    /**
     * Returns when a locked account may try again, or when a code that could not be checked
     * can be checked.
     *
     * @return the instant for {@link Status#LOCKED} ({@link Instant#MAX} if only the
     *     application can unlock the account) and for {@link Status#UNAVAILABLE} when the full
     *     store could tell; empty otherwise
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
        if (!(other instanceof Verification)) {
            return false;
        }
        Verification that = (Verification) other;
        return status == that.status && Objects.equals(match, that.match) && Objects.equals(retryAfter, that.retryAfter);
    }

    /**
     * Hashes the outcome's fields.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, match, retryAfter);
    }

    /**
     * Describes the outcome; it never contains a code or secret.
     *
     * @return for example {@code "Verification[VALID, counter 1234, drift -1]"} or
     *     {@code "Verification[LOCKED until 2026-01-01T00:15:00Z]"}
     */
    @Override
    public String toString() {
        if (match != null) {
            return "Verification[VALID, counter " + match.counter + ", drift " + match.drift + "]";
        }
        if (retryAfter != null) {
            return "Verification[" + status + " until " + (Instant.MAX.equals(retryAfter) ? "reset" : retryAfter) + "]";
        }
        return "Verification[" + status + "]";
    }
}
