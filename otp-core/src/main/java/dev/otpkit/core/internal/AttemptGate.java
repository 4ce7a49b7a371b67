package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification;
import java.time.Clock;

/**
 * The attempt limiter of one check, applied as every account-aware check in otpkit applies it
 * (the TOTP and HOTP verifiers through {@link AccountProtection}, {@code OneTimeCodes}, and
 * otp-backup's {@code BackupCodes}): begin the attempt, which counts it as a failure or refuses
 * it; check the code only if it went ahead; then clear the account's failures on success, or
 * report the failure, which stays counted. A limiter with no room to count
 * ({@link StoreFullException}) refuses the attempt as {@link Verification.Status#UNAVAILABLE}.
 * Failures are reported to the check's {@link SecurityEventListener} once counted, then
 * {@link SecurityEvent.Kind#ACCOUNT_LOCKED} if the attempt started a lock.
 */
public final class AttemptGate {
    private final AttemptLimiter limiter;
    /** Times the events. */
    private final Clock clock;

    private AttemptGate(AttemptLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Resolves a builder's choice: the given limiter (perhaps {@link AttemptLimiter#none()}), or
     * by default a fresh in-memory one on the check's clock.
     *
     * @param limiter the chosen limiter, or {@code null} for the in-memory default
     * @param clock the check's clock, for the default and the events' times
     * @return the gate
     */
    public static AttemptGate resolve(AttemptLimiter limiter, Clock clock) {
        return new AttemptGate(limiter != null ? limiter : AttemptLimiter.inMemoryBuilder().clock(clock).build(), clock);
    }

    /**
     * What {@link #beginAttempt} decided: go ahead and check the code (perhaps with a lock that
     * this attempt's failure starts), or the refusal to answer. Going ahead without a lock is one
     * shared instance, so that the common path allocates nothing.
     */
    public static final class Admission {
        private static final Admission PROCEED = new Admission(null, AttemptLimiter.Attempt.proceed());

        /** The answer when refused, else {@code null}. */
        private final Verification refusal;
        /** The limiter's answer when the attempt proceeds, else {@code null}. */
        private final AttemptLimiter.Attempt attempt;

        private Admission(Verification refusal, AttemptLimiter.Attempt attempt) {
            this.refusal = refusal;
            this.attempt = attempt;
        }

        /**
         * Tells whether the attempt was refused, so that no code may be checked.
         *
         * @return {@code true} if locked or unavailable
         */
        public boolean isRefused() {
            return refusal != null;
        }

        /**
         * Returns the answer to a refused attempt.
         *
         * @return {@link Verification.Status#LOCKED} or {@link Verification.Status#UNAVAILABLE}
         *     with the time to retry, or {@code null} if the attempt was not refused
         */
        public Verification refusal() {
            return refusal;
        }
    }

    /**
     * Starts an attempt (see {@link AttemptLimiter#beginAttempt(String)}), which counts as a
     * failure until {@link #succeeded} clears the account's failures.
     *
     * @param accountId the account
     * @return whether to go ahead and check the code; if not, the refusal:
     *     {@link Verification.Status#LOCKED} with the time to retry, or
     *     {@link Verification.Status#UNAVAILABLE} if the limiter had no room to count the attempt
     *     (so it counted nothing)
     * @throws dev.otpkit.core.StoreException if the limiter fails for another reason than being
     *     full
     */
    public Admission beginAttempt(String accountId) {
        AttemptLimiter.Attempt attempt;
        try {
            attempt = limiter.beginAttempt(accountId);
        } catch (StoreFullException full) {
            return new Admission(Results.unavailable(full.retryAfter()), null);
        }
        if (!attempt.proceeds()) {
            return new Admission(Results.locked(attempt.lockedUntil().orElseThrow()), null);
        }
        return attempt.startsLock() ? new Admission(null, attempt) : Admission.PROCEED;
    }

    /**
     * Clears the account's failures and any lock, after a right code; also the one way to take
     * back the attempt {@link #beginAttempt} counted (the limiter cannot take back one failure
     * alone), so call it only for a caller that holds a right code.
     *
     * @param accountId the account
     */
    public void succeeded(String accountId) {
        limiter.recordSuccess(accountId);
    }

    /**
     * Reports a failure that stays counted: {@code kind}, then
     * {@link SecurityEvent.Kind#ACCOUNT_LOCKED} if this attempt started a lock.
     *
     * @param admission this attempt's admission, which went ahead
     * @param accountId the account
     * @param kind {@link SecurityEvent.Kind#SECOND_FACTOR_FAILED} or
     *     {@link SecurityEvent.Kind#CODE_REPLAYED}
     * @param listener whom to tell
     */
    public void reportFailure(Admission admission, String accountId, SecurityEvent.Kind kind,
            SecurityEventListener listener) {
        SecurityEvents.reportFailure(listener, kind, accountId, admission.attempt, clock);
    }

    /**
     * Answers a well-formed code that matched nothing: the failure stays counted.
     *
     * @param admission this attempt's admission, which went ahead
     * @param accountId the account
     * @param listener whom to tell
     * @return {@link Verification.Status#INVALID}
     */
    public Verification invalid(Admission admission, String accountId, SecurityEventListener listener) {
        reportFailure(admission, accountId, SecurityEvent.Kind.SECOND_FACTOR_FAILED, listener);
        return Results.invalid();
    }

    /**
     * Answers a matched code that was accepted before: the failure stays counted.
     *
     * @param admission this attempt's admission, which went ahead
     * @param accountId the account
     * @param listener whom to tell
     * @return {@link Verification.Status#REPLAYED}
     */
    public Verification replayed(Admission admission, String accountId, SecurityEventListener listener) {
        reportFailure(admission, accountId, SecurityEvent.Kind.CODE_REPLAYED, listener);
        return Results.replayed();
    }

    /**
     * Describes whether attempts are limited.
     *
     * @return {@code "attempt limiter on"} or {@code "attempt limiter off"} (for
     *     {@link AttemptLimiter#none()})
     */
    @Override
    public String toString() {
        return "attempt limiter " + (limiter == AttemptLimiter.none() ? "off" : "on");
    }
}
