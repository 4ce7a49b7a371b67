package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification;
import java.time.Clock;
import java.time.Instant;

/**
 * The replay guard and attempt limiter of one verifier, applied in the order every
 * account-aware verification follows: begin the attempt (refused if locked), check the code,
 * then accept the matched step once and clear the failures, or answer the failure. Replays are
 * remembered per pair of account and authenticator, failures per account. A full store
 * ({@link StoreFullException}) makes the check {@link Verification.Status#UNAVAILABLE}, never
 * valid and never a failure. Failures are reported to the check's
 * {@link SecurityEventListener} once counted: {@link SecurityEvent.Kind#SECOND_FACTOR_FAILED}
 * or {@link SecurityEvent.Kind#CODE_REPLAYED}, then {@link SecurityEvent.Kind#ACCOUNT_LOCKED}
 * if the attempt started a lock.
 */
public final class AccountProtection {
    private final ReplayGuard replayGuard;
    private final AttemptLimiter attemptLimiter;
    /** Times the events. */
    private final Clock clock;

    private AccountProtection(ReplayGuard replayGuard, AttemptLimiter attemptLimiter, Clock clock) {
        this.replayGuard = replayGuard;
        this.attemptLimiter = attemptLimiter;
        this.clock = clock;
    }

    /**
     * Resolves a verifier builder's choices: each store is the given one (perhaps
     * {@link ReplayGuard#none()} or {@link AttemptLimiter#none()}), or by default a fresh
     * in-memory one on the verifier's clock.
     *
     * @param replayGuard the chosen guard, or {@code null} for the in-memory default
     * @param attemptLimiter the chosen limiter, or {@code null} for the in-memory default
     * @param clock the verifier's clock, for the defaults and the events' times
     * @return the protection
     */
    public static AccountProtection resolve(ReplayGuard replayGuard, AttemptLimiter attemptLimiter, Clock clock) {
        return new AccountProtection(
                replayGuard != null ? replayGuard : ReplayGuard.inMemoryBuilder().clock(clock).build(),
                attemptLimiter != null ? attemptLimiter : AttemptLimiter.inMemoryBuilder().clock(clock).build(),
                clock);
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
     * failure until {@link #acceptOnce} takes it back.
     *
     * @param accountId the account
     * @return whether to go ahead and check the code; if not, the refusal:
     *     {@link Verification.Status#LOCKED} with the time to retry, or
     *     {@link Verification.Status#UNAVAILABLE} if the limiter had no room to count the attempt
     *     (so it counted nothing)
     */
    public Admission beginAttempt(String accountId) {
        AttemptLimiter.Attempt attempt;
        try {
            attempt = attemptLimiter.beginAttempt(accountId);
        } catch (StoreFullException full) {
            return new Admission(Results.unavailable(full.retryAfter()), null);
        }
        if (!attempt.proceeds()) {
            return new Admission(Results.locked(attempt.lockedUntil().orElseThrow()), null);
        }
        return attempt.startsLock() ? new Admission(null, attempt) : Admission.PROCEED;
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
        SecurityEvents.reportFailure(listener, SecurityEvent.Kind.SECOND_FACTOR_FAILED, accountId, admission.attempt, clock);
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
        SecurityEvents.reportFailure(listener, SecurityEvent.Kind.CODE_REPLAYED, accountId, admission.attempt, clock);
        return Results.replayed();
    }

    /**
     * Accepts a matched step unless it was accepted before, and answers the outcome: on
     * acceptance the account's failures are cleared; a refused replay stays counted as a
     * failure; a step the guard had no room to record is not accepted (failing closed) and not
     * counted either.
     *
     * @param admission this attempt's admission, which went ahead
     * @param accountId the account, whose failures are counted and cleared
     * @param authenticatorId the authenticator the step is remembered under:
     *     {@link ReplayGuard#ACCOUNT_AUTHENTICATOR} or a credential's id
     * @param step the matched step or counter
     * @param keepUntil when the step has left every window
     * @param drift the match's distance from the current step or expected counter
     * @param listener whom to tell about a replay
     * @return {@link Verification.Status#VALID}, {@link Verification.Status#REPLAYED} or
     *     {@link Verification.Status#UNAVAILABLE}
     */
    public Verification acceptOnce(Admission admission, String accountId, String authenticatorId, long step,
            Instant keepUntil, int drift, SecurityEventListener listener) {
        boolean accepted;
        try {
            accepted = replayGuard.tryAccept(accountId, authenticatorId, step, keepUntil);
        } catch (StoreFullException full) {
            // The code was right, so taking back the attempt that beginAttempt counted is
            // earned, and recordSuccess is the limiter's only way to take one back. Nothing
            // is accepted: only a caller holding a right code of the window gets here, and it
            // could log in as soon as the guard has room anyway. Counting it would lock out
            // users who never typed a wrong code whenever the guard is full.
            attemptLimiter.recordSuccess(accountId);
            return Results.unavailable(full.retryAfter());
        }
        if (!accepted) {
            return replayed(admission, accountId, listener); // the failure counted by beginAttempt stays
        }
        attemptLimiter.recordSuccess(accountId);
        return Results.valid(step, drift);
    }

    /**
     * Describes which protections are on.
     *
     * @return for example {@code "replay guard on, attempt limiter off"}
     */
    @Override
    public String toString() {
        return "replay guard " + (replayGuard == ReplayGuard.none() ? "off" : "on")
                + ", attempt limiter " + (attemptLimiter == AttemptLimiter.none() ? "off" : "on");
    }
}
