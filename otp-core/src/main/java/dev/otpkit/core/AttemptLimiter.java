package dev.otpkit.core;

import dev.otpkit.core.internal.InMemoryAttemptLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits consecutive failed attempts per account (NIST SP 800-63B section 5.2.2): the SPI
 * behind every account-aware verification in otpkit, with a bounded in-memory default from
 * {@link #inMemory()}. Implement it to keep the counters in your own database.
 *
 * <p>A verification uses it in two steps:
 * <pre>{@code
 * Optional<Instant> lockedUntil = limiter.beginAttempt(accountId);
 * if (lockedUntil.isPresent()) {
 *     return Verification.locked(lockedUntil.get());   // the code is not even looked at
 * }
 * boolean right = ...check the code...;
 * if (right) {
 *     limiter.recordSuccess(accountId);
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
 * a recovery flow).
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
    /** Accounts the in-memory default tracks at most unless set: 100,000. */
    int DEFAULT_MAX_ACCOUNTS = 100_000;

    /**
     * Starts an attempt: refuses it if the account is locked, else counts it as a failure (which
     * may start a lock for later attempts) and lets it proceed. The check and the count are one
     * atomic step per account: of N concurrent calls at most as many proceed as failures remain
     * before the lock.
     *
     * @param accountId the account, as the application names it; not null
     * @return empty if the attempt may proceed; otherwise the instant from which the account may
     *     try again ({@link Instant#MAX} if it stays locked until reset)
     * @throws NullPointerException if {@code accountId} is null
     */
    Optional<Instant> beginAttempt(String accountId);

    /**
     * Records that the attempt succeeded: clears the account's failures and any lock, atomically
     * for the account. Also the way to unlock an account on purpose.
     *
     * @param accountId the account; one with no failures is left as it is
     * @throws NullPointerException if {@code accountId} is null
     */
    void recordSuccess(String accountId);

    /**
     * Returns the in-memory limiter with the default policy, the system clock and room for
     * {@value #DEFAULT_MAX_ACCOUNTS} accounts.
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
     * {@link #maxAccounts(int)} accounts. Accounts with no failures take no room; an account's
     * failures and lock history are kept until a success clears them, however long ago they
     * were, so that pacing guesses never gets past {@value #MAX_CONSECUTIVE_FAILURES}
     * consecutive failures. Nothing else is evicted: forgetting any count would break that
     * guarantee. If the table is full, an attempt of an account it does not track is refused as
     * locked (retry after one first lock) until a tracked account succeeds: the limiter fails
     * closed. Size the bound above the number of accounts that may have failures outstanding at
     * once, or back the SPI with your database.
     *
     * <p>Memory, measured on OpenJDK 17 (64-bit, compressed references) by filling a limiter
     * with one million accounts and comparing the heap after garbage collection (the test class
     * {@code MemoryFootprint}; see CONTRIBUTING.md): about 81 bytes per tracked account plus its
     * id string (64 bytes for an id of 20 ASCII characters), so about 144 MB for one million
     * accounts, and at most about 14 MB at the default bound.
     *
     * <p>Not thread-safe; the limiter it builds is.
     */
    final class InMemoryBuilder {
        private int failuresBeforeLock = DEFAULT_FAILURES_BEFORE_LOCK;
        private Duration firstLock = DEFAULT_FIRST_LOCK;
        private Duration maxLock = DEFAULT_MAX_LOCK;
        private int maxConsecutiveFailures = MAX_CONSECUTIVE_FAILURES;
        private int maxAccounts = DEFAULT_MAX_ACCOUNTS;
        private Clock clock = Clock.systemUTC();

        private InMemoryBuilder() {
        }

        /**
         * Sets how many consecutive failures start a lock; default 5. Checked by
         * {@link #build()}.
         *
         * @param failures 1 to 100
         * @return this builder
         */
        public InMemoryBuilder failuresBeforeLock(int failures) {
            this.failuresBeforeLock = failures;
            return this;
        }

        /**
         * Sets the first lock's length and the cap that doubling lock lengths stop at; default
         * 15 minutes and 24 hours. Checked by {@link #build()}.
         *
         * @param first the first lock, 1 second to 365 days
         * @param max the longest lock, from {@code first} to 365 days
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public InMemoryBuilder lockDurations(Duration first, Duration max) {
            this.firstLock = Objects.requireNonNull(first, "first");
            this.maxLock = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Sets after how many consecutive failures, across locks, the account stays locked
         * until {@link AttemptLimiter#recordSuccess(String)}; default and most 100. Checked by
         * {@link #build()}.
         *
         * @param failures from {@link #failuresBeforeLock(int)} to 100
         * @return this builder
         */
        public InMemoryBuilder maxConsecutiveFailures(int failures) {
            this.maxConsecutiveFailures = failures;
            return this;
        }

        /**
         * Sets the most accounts tracked at once; default {@value #DEFAULT_MAX_ACCOUNTS}.
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
         * Sets the clock that lock times are read from; default {@link Clock#systemUTC()}.
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
         * Builds the limiter.
         *
         * @return a new, empty limiter
         * @throws IllegalArgumentException if failures before lock is not 1 to 100, a lock
         *     duration is not 1 second to 365 days, the longest lock is shorter than the first, the
         *     consecutive-failure limit is not from failures before lock to 100, or the
         *     account bound is below 1
         */
        public AttemptLimiter build() {
            if (failuresBeforeLock < 1 || failuresBeforeLock > MAX_CONSECUTIVE_FAILURES) {
                throw new IllegalArgumentException("failuresBeforeLock must be 1 to "
                        + MAX_CONSECUTIVE_FAILURES + ", was " + failuresBeforeLock);
            }
            // Capped so that toMillis() and the doubling of lock lengths cannot overflow.
            if (firstLock.compareTo(Duration.ofSeconds(1)) < 0 || maxLock.compareTo(MAX_LOCK) > 0
                    || maxLock.compareTo(firstLock) < 0) {
                throw new IllegalArgumentException("lock durations must be 1 s to 365 days (PT8760H) with the"
                        + " longest at least the first, were " + firstLock + " and " + maxLock);
            }
            if (maxConsecutiveFailures < failuresBeforeLock || maxConsecutiveFailures > MAX_CONSECUTIVE_FAILURES) {
                throw new IllegalArgumentException("maxConsecutiveFailures must be " + failuresBeforeLock
                        + " (failuresBeforeLock) to " + MAX_CONSECUTIVE_FAILURES + ", was " + maxConsecutiveFailures);
            }
            if (maxAccounts < 1) {
                throw new IllegalArgumentException("maxAccounts must be at least 1, was " + maxAccounts);
            }
            return new InMemoryAttemptLimiter(failuresBeforeLock, firstLock.toMillis(), maxLock.toMillis(),
                    maxConsecutiveFailures, maxAccounts, clock);
        }
    }
}
