package dev.otpkit.core;

import dev.otpkit.core.internal.InMemoryReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts each one-time code at most once (NIST SP 800-63B section 5.1.4.2, RFC 6238 section
 * 5.2): the SPI that remembers, per account, the last accepted TOTP time step or HOTP counter,
 * with a bounded in-memory default from {@link #inMemory()}. Implement it to keep that state in
 * your own database.
 *
 * <p>Only a step strictly newer than the last accepted one is accepted, so neither the same code
 * nor an older code still inside the window can be used again. Implementations must be
 * thread-safe.
 *
 * <p>One key names one authenticator: if an account has both a TOTP and an HOTP authenticator,
 * give them distinct ids (for example {@code "alice/totp"}). Logins with a
 * {@link TotpCredential} ({@link TotpVerifier#verify(TotpCredential, CharSequence)}) do so
 * themselves, with the key {@code accountId + "/" + credential.id()}.
 */
public interface ReplayGuard {
    /** Accounts the in-memory default tracks at most unless set: 100,000. */
    int DEFAULT_MAX_ACCOUNTS = 100_000;

    /**
     * Accepts a step if it is strictly newer than the last step accepted for the account, and
     * then remembers it as the last. The check and the update are one atomic step per account:
     * of any number of concurrent calls with the same step, exactly one can return {@code true}.
     *
     * @param accountId the account, as the application names it
     * @param step the matched TOTP time step or HOTP counter, 0 or more
     * @param keepUntil when the step can no longer be presented to any verifier (it has left
     *     every window); from then on the guard may forget the account
     * @return {@code true} if the step is accepted; {@code false} if it is not newer than the
     *     last accepted one (or, for a bounded store, if no room is left: failing closed)
     * @throws NullPointerException if {@code accountId} or {@code keepUntil} is null
     */
    boolean tryAccept(String accountId, long step, Instant keepUntil);

    /**
     * Tells, without changing anything, whether a step at least as new as {@code step} was
     * accepted for the account and is still remembered: whether {@link #tryAccept} would now
     * refuse {@code step} as a replay. Callers use it to answer precisely before doing any work
     * (such as {@link Enrollments#confirm} for an enrolment confirmed before); only
     * {@link #tryAccept} guarantees that a step is accepted at most once.
     *
     * <p>The default answers {@code false} ("not known"); an implementation that cannot read its
     * store cheaply may keep it, and callers then learn of the earlier acceptance from
     * {@link #tryAccept} alone.
     *
     * @param accountId the account, as the application names it
     * @param step a TOTP time step or HOTP counter, 0 or more
     * @return {@code true} if {@code step} or a newer one is remembered as accepted
     * @throws NullPointerException if {@code accountId} is null
     */
    default boolean hasAccepted(String accountId, long step) {
        Objects.requireNonNull(accountId, "accountId");
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
     * Builds the in-memory guard. It remembers an account only until its last accepted step
     * has left every window (about 90 seconds with the TOTP defaults), and never more than
     * {@link #maxAccounts(int)} accounts: when full of entries that still matter it refuses
     * new accounts (fails closed) until the oldest entry expires.
     *
     * <p>Memory, measured on OpenJDK 17 (64-bit, compressed references) by filling a guard with
     * one million accounts and comparing the heap after garbage collection (the test class
     * {@code MemoryFootprint}; see CONTRIBUTING.md): about 73 bytes per remembered account plus
     * its id string (64 bytes for an id of 20 ASCII characters), so about 137 MB for one million
     * accounts, and at most about 14 MB at the default bound.
     *
     * <p>Not thread-safe; the guard it builds is.
     */
    final class InMemoryBuilder {
        private int maxAccounts = DEFAULT_MAX_ACCOUNTS;
        private Clock clock = Clock.systemUTC();

        private InMemoryBuilder() {
        }

        /**
         * Sets the most accounts remembered at once; default {@value #DEFAULT_MAX_ACCOUNTS}.
         * Checked by {@link #build()}.
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
