package dev.otpkit.core;

import dev.otpkit.core.internal.InMemoryReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Accepts each one-time code at most once (NIST SP 800-63B section 5.1.4.2, RFC 6238 section
 * 5.2): the SPI that remembers, per authenticator of an account, the last accepted TOTP time
 * step or HOTP counter, with a bounded in-memory default from {@link #inMemory()}. Implement it
 * to keep that state in your own database.
 *
 * <p>Only a step strictly newer than the last accepted one is accepted, so neither the same code
 * nor an older code still inside the window can be used again. Implementations must be
 * thread-safe.
 *
 * <p>A step is remembered under a pair: the account and one of its authenticators. Store them as
 * two separate values (two columns, a pair key), never joined into one string: a join such as
 * {@code accountId + "/" + authenticatorId} lets the account {@code "alice/c1"} use up the steps
 * of alice's authenticator {@code c1}. The verifiers name the authenticator themselves:
 * <ul>
 * <li>{@link TotpVerifier#verify(String, OtpSecret, CharSequence)} and the {@link HotpVerifier}
 *     methods use {@link #ACCOUNT_AUTHENTICATOR}, the empty string, which no
 *     {@link TotpCredential#id()} can equal;</li>
 * <li>{@link TotpVerifier#verify(TotpCredential, CharSequence)} uses the credential's id;</li>
 * <li>{@link Enrollments} marks a confirmed enrolment under {@code "enrollment:"} followed by the
 *     enrolment's id, a prefix no credential id may start with.</li>
 * </ul>
 * So if an account has both a TOTP and an HOTP authenticator checked by account id, give them
 * distinct account ids (for example {@code "alice/totp"} and {@code "alice/hotp"}), or verify
 * TOTP logins with a {@link TotpCredential}.
 *
 * <p>A verifier asks to keep a step until it has left every window any verifier could check it
 * in ({@code keepUntil}): for TOTP, {@link TotpVerifier#MAX_WINDOW} steps after the matched one,
 * whatever the verifier's own window, so that verifiers with different windows can share a
 * guard; for HOTP, {@link HotpVerifier#REPLAY_MEMORY}.
 */
public interface ReplayGuard {
    /** Accounts the in-memory default tracks at most unless set: 100,000. */
    int DEFAULT_MAX_ACCOUNTS = 100_000;

    /**
     * The authenticator id of the account-level verifications, which know no authenticator of
     * their own: the empty string. {@link TotpCredential} ids are never empty, so a credential's
     * steps never mix with the account's.
     */
    String ACCOUNT_AUTHENTICATOR = "";

    /**
     * Accepts a step if it is strictly newer than the last step accepted for the account's
     * authenticator, and then remembers it as the last. The check and the update are one
     * atomic step per pair: of any number of concurrent calls with the same step, exactly one
     * can answer {@link Acceptance.Outcome#ACCEPTED}.
     *
     * <p>A store that cannot record the step (a bounded store with no room left) must not
     * accept it: it answers {@link Acceptance#noRoom(Instant)}, which the verifiers report as
     * {@link Verification.Status#UNAVAILABLE} without counting a failure, never as a replay.
     *
     * @param accountId the account, as the application names it; any string, including empty
     * @param authenticatorId the authenticator of the account: {@link #ACCOUNT_AUTHENTICATOR}
     *     or a credential's id; any string
     * @param step the matched TOTP time step or HOTP counter, 0 or more
     * @param keepUntil when the step can no longer be presented to any verifier (it has left
     *     every window); from then on the guard may forget the pair
     * @return {@link Acceptance#accepted()}; {@link Acceptance#replayed()} if the step is not
     *     newer than the last accepted one; or {@link Acceptance#noRoom(Instant)}
     * @throws NullPointerException if an argument is null
     */
    Acceptance tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil);

    /**
     * Tells, without changing anything, whether a step at least as new as {@code step} was
     * accepted for the account's authenticator and is still remembered: whether
     * {@link #tryAccept} would now refuse {@code step} as a replay. Callers use it to answer
     * precisely before doing any work (such as {@link Enrollments#confirm} for an enrolment
     * confirmed before); only {@link #tryAccept} guarantees that a step is accepted at most once.
     *
     * <p>The default answers {@code false} ("not known"); an implementation that cannot read its
     * store cheaply may keep it, and callers then learn of the earlier acceptance from
     * {@link #tryAccept} alone.
     *
     * @param accountId the account, as the application names it
     * @param authenticatorId the authenticator of the account, as given to {@link #tryAccept}
     * @param step a TOTP time step or HOTP counter, 0 or more
     * @return {@code true} if {@code step} or a newer one is remembered as accepted
     * @throws NullPointerException if {@code accountId} or {@code authenticatorId} is null
     */
    default boolean hasAccepted(String accountId, String authenticatorId, long step) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(authenticatorId, "authenticatorId");
        return false;
    }

    /**
     * Returns the in-memory guard with the system clock and room for
     * {@value #DEFAULT_MAX_ACCOUNTS} accounts.
     *
     * @return a new guard; share it between all verifiers of the same accounts
     * @see InMemoryBuilder
     */
    static ReplayGuard inMemory() {
        return inMemoryBuilder().build();
    }

    /**
     * Starts a builder for an in-memory guard with a custom clock or bound.
     *
     * @return a new builder holding the defaults
     */
    static InMemoryBuilder inMemoryBuilder() {
        return new InMemoryBuilder();
    }

    /**
     * What {@link ReplayGuard#tryAccept} answers: the step was accepted, it was a replay, or the
     * guard had no room to record it (and so did not accept it). Immutable and thread-safe; the
     * first two are shared instances, so answering them allocates nothing.
     */
    final class Acceptance {
        /** The three answers. */
        public enum Outcome {
            /** The step was newer than the last one accepted: accepted and remembered. */
            ACCEPTED,
            /** The step was not newer than the last one accepted: refused as a replay. */
            REPLAYED,
            /**
             * The guard could not record the step and so refused it, failing closed; whether it
             * is a replay is not known. Try again at {@link Acceptance#retryAfter()}.
             */
            NO_ROOM
        }

        private static final Acceptance ACCEPTED = new Acceptance(Outcome.ACCEPTED, null);
        private static final Acceptance REPLAYED = new Acceptance(Outcome.REPLAYED, null);

        private final Outcome outcome;
        private final Instant retryAfter;

        private Acceptance(Outcome outcome, Instant retryAfter) {
            this.outcome = outcome;
            this.retryAfter = retryAfter;
        }

        /**
         * The step was accepted.
         *
         * @return the shared answer
         */
        public static Acceptance accepted() {
            return ACCEPTED;
        }

        /**
         * The step, or a newer one, was accepted before.
         *
         * @return the shared answer
         */
        public static Acceptance replayed() {
            return REPLAYED;
        }

        /**
         * The guard had no room to record the step, so it did not accept it.
         *
         * @param retryAfter when the guard expects room again; {@link Instant#MAX} if waiting
         *     will not help
         * @return the answer
         * @throws NullPointerException if {@code retryAfter} is null
         */
        public static Acceptance noRoom(Instant retryAfter) {
            return new Acceptance(Outcome.NO_ROOM, Objects.requireNonNull(retryAfter, "retryAfter"));
        }

        /**
         * Tells which answer this is.
         *
         * @return the outcome
         */
        public Outcome outcome() {
            return outcome;
        }

        /**
         * Tells whether the step was accepted.
         *
         * @return {@code true} only for {@link Outcome#ACCEPTED}
         */
        public boolean isAccepted() {
            return outcome == Outcome.ACCEPTED;
        }

        /**
         * Returns when a guard with no room expects room again.
         *
         * @return the instant for {@link Outcome#NO_ROOM}, empty otherwise
         */
        public Optional<Instant> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /**
         * Compares answers by value.
         *
         * @param other the object to compare with
         * @return whether {@code other} is the same answer with the same retry time
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Acceptance && outcome == ((Acceptance) other).outcome
                    && Objects.equals(retryAfter, ((Acceptance) other).retryAfter);
        }

        /**
         * Hashes the answer.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Objects.hash(outcome, retryAfter);
        }

        /**
         * Describes the answer.
         *
         * @return for example {@code "Acceptance[NO_ROOM until 2026-01-01T00:05:30Z]"}
         */
        @Override
        public String toString() {
            return "Acceptance[" + outcome + (retryAfter == null ? "" : " until " + retryAfter) + "]";
        }
    }

    /**
     * Builds the in-memory guard. It remembers an account's authenticator only until its last
     * accepted step has left every window any verifier may have: for TOTP,
     * {@link TotpVerifier#MAX_WINDOW} steps after the step (5.5 minutes with 30-second steps,
     * whatever the verifiers' windows), for HOTP {@link HotpVerifier#REPLAY_MEMORY}. It never
     * holds more than {@link #maxAccounts(int)} pairs of account and authenticator. When full
     * of entries that still matter, it fails closed without forgetting any of them: a step of
     * another pair is not accepted but answered {@link Acceptance#noRoom(Instant)}, with the
     * time the oldest entry expires, and the verifiers report that as
     * {@link Verification.Status#UNAVAILABLE}, not counted as a failure. At the default bound
     * that happens once more than 100,000 accounts logged in with TOTP within 5.5 minutes
     * (about 300 logins a second); size the bound above your peak, or back the SPI with your
     * database.
     *
     * <p>Memory, measured on OpenJDK 17 (64-bit, compressed references) by filling a guard with
     * one million accounts and comparing the heap after garbage collection (the test class
     * {@code MemoryFootprint}; see CONTRIBUTING.md): about 97 bytes per remembered account plus
     * its id string (64 bytes for an id of 20 ASCII characters), so about 161 MB for one million
     * accounts, and at most about 16 MB at the default bound. That is for account-level checks,
     * whose authenticator id is the one shared empty string; a credential's id is a string of
     * its own, held as long as the step.
     *
     * <p>Not thread-safe; the guard it builds is.
     */
    final class InMemoryBuilder {
        private int maxAccounts = DEFAULT_MAX_ACCOUNTS;
        private Clock clock = Clock.systemUTC();

        private InMemoryBuilder() {
        }

        /**
         * Sets the most pairs of account and authenticator remembered at once; default
         * {@value #DEFAULT_MAX_ACCOUNTS}. Checked by {@link #build()}.
         *
         * @param accounts at least 1
         * @return this builder
         */
        public InMemoryBuilder maxAccounts(int accounts) {
            this.maxAccounts = accounts;
            return this;
        }

        /**
         * Sets the clock that decides when an entry has expired; default
         * {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public InMemoryBuilder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the guard.
         *
         * @return a new, empty guard
         * @throws IllegalArgumentException if the account bound is below 1
         */
        public ReplayGuard build() {
            if (maxAccounts < 1) {
                throw new IllegalArgumentException("maxAccounts must be at least 1, was " + maxAccounts);
            }
            return new InMemoryReplayGuard(maxAccounts, clock);
        }
    }
}
