package dev.otpkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits consecutive failed attempts per account (NIST SP 800-63B section 5.2.2): the SPI
 * behind every account-aware verification in otpkit, with a bounded in-memory default from
 * {@link #inMemory()} and a do-nothing {@link #none()}. Implement it to keep the counters in
 * your own database.
 *
 * <p>A verification uses it in two steps:
 * <pre>{@code
 * AttemptLimiter.Attempt attempt = limiter.beginAttempt(accountId);
 * if (!attempt.proceeds()) {
 *     return ...LOCKED, retry after attempt.lockedUntil().get()...;   // the code is not even looked at
 * }
 * boolean right = ...check the code...;
 * if (right) {
 *     limiter.recordSuccess(accountId);                   // also lifts a lock this attempt started
 * } else if (attempt.startsLock()) {
 *     ...report SecurityEvent.Kind.ACCOUNT_LOCKED...
 * }
 * }</pre>
 *
 * <p>There is no failure to record: {@link #beginAttempt(String)} counts every attempt as a
 * failure before the code is checked, atomically with the lock check, and only
 * {@link #recordSuccess(String)} takes it back. So N parallel guesses can never pass the limit,
 * and an attempt whose caller crashes half-way still counts.
 *
 * <p>Implementations must be thread-safe. The in-memory default's policy: after
 * {@value #DEFAULT_FAILURES_BEFORE_LOCK} consecutive failures the account is locked for
 * 15 minutes, each further lock lasts twice as long as the one before, up to 24 hours; a success
 * resets everything; after {@value #MAX_CONSECUTIVE_FAILURES} consecutive failures the account
 * stays locked until {@link #recordSuccess(String)} is called by another path (an administrator,
 * a recovery flow). A store that cannot reach its storage throws a {@link StoreException}, which
 * reaches the caller of the verification.
 *
 * <p>Account ids are compared exactly, character for character. An implementation keeps every
 * account id of up to 255 chars (UTF-16 units) that is well-formed Unicode without U+0000
 * exactly as given. It may refuse any other (longer, holding U+0000, or holding an unpaired
 * surrogate, which some databases cannot store) with an {@link IllegalArgumentException} that
 * does not quote it, before counting anything; it never keeps such an id changed, cut short or
 * equal to another. The in-memory limiter keeps every string.
 */
public interface AttemptLimiter {
    /** The most consecutive failures any configuration allows: 100 (NIST SP 800-63B 5.2.2). */
    int MAX_CONSECUTIVE_FAILURES = 100;
    /** Failures that lock an account in the default policy: 5. */
    int DEFAULT_FAILURES_BEFORE_LOCK = 5;
    /** Length of the first lock in the default policy: 15 minutes. */
    Duration DEFAULT_FIRST_LOCK = Duration.ofMinutes(15);
    /** Longest lock in the default policy: 24 hours. */
    Duration DEFAULT_MAX_LOCK = Duration.ofHours(24);
    /** Longest lock any in-memory configuration allows: 365 days. */
    Duration MAX_LOCK = Duration.ofDays(365);

    /**
     * Starts an attempt: refuses it if the account is locked, else counts it as a failure (which
     * may start a lock for later attempts) and lets it proceed. The check and the count are one
     * atomic step per account: of N concurrent calls at most as many proceed as failures remain
     * before the lock. The answer also tells whether counting this attempt started a lock, so
     * that a service can report {@link SecurityEvent.Kind#ACCOUNT_LOCKED} exactly once per lock
     * without asking the store again.
     *
     * <p>A store with no room to count the attempt (a bounded store full of accounts with
     * failures) must not let it proceed: it throws {@link StoreFullException} and counts
     * nothing, and the services answer {@link Verification.Status#UNAVAILABLE} without checking
     * the code.
     *
     * @param accountId the account, as the application names it; not null
     * @return {@link Attempt#proceed()} if the attempt may proceed and starts no lock,
     *     {@link Attempt#proceedAndLock(Instant)} if it may proceed and counting it locked the
     *     account for later attempts, {@link Attempt#refuse(Instant)} if the account is locked
     * @throws NullPointerException if {@code accountId} is null
     * @throws IllegalArgumentException if the implementation refuses an account id it cannot
     *     keep exactly (see above); nothing is counted then
     * @throws StoreFullException if the store has no room to count the attempt
     */
    Attempt beginAttempt(String accountId);

    /**
     * Records that the attempt succeeded: clears the account's failures and any lock, atomically
     * for the account. Also the way to unlock an account on purpose.
     *
     * @param accountId the account; one with no failures is left as it is
     * @throws NullPointerException if {@code accountId} is null
     * @throws IllegalArgumentException if the implementation refuses an account id it cannot
     *     keep exactly (see above)
     */
    void recordSuccess(String accountId);

    /**
     * The answer of {@link AttemptLimiter#beginAttempt(String)}: whether the attempt may go on to
     * check its code, and the lock it met or started. Immutable; compared by value. Made by
     * limiters, including yours, through the three factories; {@link #proceed()}, the common
     * answer, is one shared instance, so that answering it allocates nothing.
     */
    final class Attempt {
        private static final Attempt PROCEED = new Attempt(true, null);

        private final boolean proceeds;
        /** The lock met (refused) or started (proceeding); {@code null} for {@link #PROCEED}. */
        private final Instant lockedUntil;

        private Attempt(boolean proceeds, Instant lockedUntil) {
            this.proceeds = proceeds;
            this.lockedUntil = lockedUntil;
        }

        /**
         * The attempt was counted as a failure and may check its code; the account is not locked.
         *
         * @return the shared answer
         */
        public static Attempt proceed() {
            return PROCEED;
        }

        /**
         * The attempt was counted as a failure and may check its code, and that failure reached
         * the limit: the account is locked for later attempts until {@code lockedUntil}, unless
         * {@link AttemptLimiter#recordSuccess(String)} (this attempt's right code) lifts it.
         *
         * @param lockedUntil when the account may try again; {@link Instant#MAX} if it stays
         *     locked until reset
         * @return the answer
         * @throws NullPointerException if {@code lockedUntil} is null
         */
        public static Attempt proceedAndLock(Instant lockedUntil) {
            return new Attempt(true, Objects.requireNonNull(lockedUntil, "lockedUntil"));
        }

        /**
         * The account is locked: the attempt was not counted and must not check its code.
         *
         * @param lockedUntil when the account may try again; {@link Instant#MAX} if it stays
         *     locked until reset
         * @return the answer
         * @throws NullPointerException if {@code lockedUntil} is null
         */
        public static Attempt refuse(Instant lockedUntil) {
            return new Attempt(false, Objects.requireNonNull(lockedUntil, "lockedUntil"));
        }

        /**
         * Tells whether the attempt may check its code.
         *
         * @return {@code false} only for a {@linkplain #refuse(Instant) refused} attempt
         */
        public boolean proceeds() {
            return proceeds;
        }

        /**
         * Tells whether counting this attempt locked the account: a failure of this attempt
         * starts a lock.
         *
         * @return {@code true} only for {@link #proceedAndLock(Instant)}
         */
        public boolean startsLock() {
            return proceeds && lockedUntil != null;
        }

        /**
         * Returns until when the account is locked: the lock that refused this attempt, or the
         * one that counting it started.
         *
         * @return the instant from which the account may try again ({@link Instant#MAX} if it
         *     stays locked until reset); empty for {@link #proceed()}
         */
        public Optional<Instant> lockedUntil() {
            return Optional.ofNullable(lockedUntil);
        }

        /**
         * Compares answers by value.
         *
         * @param other the object to compare with
         * @return whether {@code other} is the same answer with the same lock
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Attempt && proceeds == ((Attempt) other).proceeds
                    && Objects.equals(lockedUntil, ((Attempt) other).lockedUntil);
        }

        /**
         * Hashes the answer.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Boolean.hashCode(proceeds) * 31 + Objects.hashCode(lockedUntil);
        }

        /**
         * Describes the answer.
         *
         * @return {@code "Attempt[proceed]"}, {@code "Attempt[proceed, locked until ...]"} or
         *     {@code "Attempt[refused, locked until ...]"} (the instant, or {@code reset})
         */
        @Override
        public String toString() {
            if (lockedUntil == null) {
                return "Attempt[proceed]";
            }
            return "Attempt[" + (proceeds ? "proceed" : "refused") + ", locked until "
                    + (Instant.MAX.equals(lockedUntil) ? "reset" : lockedUntil) + "]";
        }
    }

    /**
     * Returns the limiter that counts nothing and never locks: attempt limiting switched off,
     * by name. Only for callers that limit attempts themselves (NIST SP 800-63B 5.2.2 requires
     * it).
     *
     * @return the shared do-nothing limiter
     */
    static AttemptLimiter none() {
        return NoAttemptLimiter.INSTANCE;
    }

    /**
     * Returns the in-memory limiter with the default policy, the system clock and room for
     * {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES} accounts.
     *
     * @return a new limiter; share it between all verifiers of the same accounts
     * @see InMemoryBuilder
     */
    static AttemptLimiter inMemory() {
        return inMemoryBuilder().build();
    }

    /**
     * Starts a builder for an in-memory limiter with a custom policy, clock or bound.
     *
     * @return a new builder holding the defaults
     */
    static InMemoryBuilder inMemoryBuilder() {
        return new InMemoryBuilder();
    }

    /**
     * Builds the in-memory limiter. It is bounded: it never tracks more than
     * {@linkplain #maxEntries(int) maxEntries} accounts. Accounts with no failures take no room; an account's
     * failures and lock history are kept until a success clears them, however long ago they
     * were, so that pacing guesses never gets past {@value #MAX_CONSECUTIVE_FAILURES}
     * consecutive failures. Nothing else is evicted: forgetting any count would break that
     * guarantee. If the table is full, an attempt of an account it does not track is refused
     * with a {@link StoreFullException} (without a retry time: room frees when a tracked
     * account succeeds), which the verifiers answer {@link Verification.Status#UNAVAILABLE}
     * without checking the code: the limiter fails closed. Size the bound above the number of
     * accounts that may have failures outstanding at once, or back the SPI with your database.
     *
     * <p>Memory, measured on OpenJDK 17 (64-bit, compressed references) by filling a limiter
     * with one million accounts and comparing the heap after garbage collection (the test class
     * {@code MemoryFootprint}; see CONTRIBUTING.md): about 81 bytes per tracked account plus its
     * id string (64 bytes for an id of 20 ASCII characters), so about 144 MB for one million
     * accounts, and at most about 14 MB at the default bound.
     *
     * <p>Not thread-safe; the limiter it builds is.
     */
    final class InMemoryBuilder extends InMemoryStoreBuilder<InMemoryBuilder, AttemptLimiter> {
        private int failuresBeforeLock = DEFAULT_FAILURES_BEFORE_LOCK;
        private Duration firstLock = DEFAULT_FIRST_LOCK;
        private Duration maxLock = DEFAULT_MAX_LOCK;
        private int maxConsecutiveFailures = MAX_CONSECUTIVE_FAILURES;

        private InMemoryBuilder() {
        }

        /**
         * Sets how many consecutive failures start a lock; default 5.
         *
         * @param failures 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if {@code failures} is not 1 to 100
         */
        public InMemoryBuilder failuresBeforeLock(int failures) {
            this.failuresBeforeLock = requireFailures("failuresBeforeLock", failures);
            return this;
        }

        /**
         * Sets the first lock's length and the cap that doubling lock lengths stop at; default
         * 15 minutes and 24 hours.
         *
         * @param first the first lock, 1 second to 365 days
         * @param max the longest lock, from {@code first} to 365 days
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if a duration is out of range or {@code max} is
         *     shorter than {@code first}
         */
        public InMemoryBuilder lockDurations(Duration first, Duration max) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
            // Capped so that toMillis() and the doubling of lock lengths cannot overflow.
            if (first.compareTo(Duration.ofSeconds(1)) < 0 || max.compareTo(MAX_LOCK) > 0 || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("lock durations must be 1 s to 365 days (PT8760H) with the"
                        + " longest at least the first, were " + first + " and " + max);
            }
            this.firstLock = first;
            this.maxLock = max;
            return this;
        }

        /**
         * Sets after how many consecutive failures, across locks, the account stays locked
         * until {@link AttemptLimiter#recordSuccess(String)}; default and most 100. That it is
         * at least {@link #failuresBeforeLock(int)} is checked by {@link #build()}.
         *
         * @param failures from {@link #failuresBeforeLock(int)} to 100
         * @return this builder
         * @throws IllegalArgumentException if {@code failures} is not 1 to 100
         */
        public InMemoryBuilder maxConsecutiveFailures(int failures) {
            this.maxConsecutiveFailures = requireFailures("maxConsecutiveFailures", failures);
            return this;
        }

        private static int requireFailures(String name, int failures) {
            if (failures < 1 || failures > MAX_CONSECUTIVE_FAILURES) {
                throw new IllegalArgumentException(name + " must be 1 to " + MAX_CONSECUTIVE_FAILURES
                        + ", was " + failures);
            }
            return failures;
        }


        /**
         * Builds the limiter.
         *
         * @return a new, empty limiter
         * @throws IllegalArgumentException if the consecutive-failure limit is below failures
         *     before lock
         */
        @Override
        public AttemptLimiter build() {
            return super.build();
        }

        @Override
        AttemptLimiter newStore(int maxEntries, Clock clock) {
            if (maxConsecutiveFailures < failuresBeforeLock) {
                throw new IllegalArgumentException("maxConsecutiveFailures must be " + failuresBeforeLock
                        + " (failuresBeforeLock) to " + MAX_CONSECUTIVE_FAILURES + ", was " + maxConsecutiveFailures);
            }
            return new InMemoryAttemptLimiter(failuresBeforeLock, firstLock.toMillis(), maxLock.toMillis(),
                    maxConsecutiveFailures, maxEntries, clock);
        }
    }
}
