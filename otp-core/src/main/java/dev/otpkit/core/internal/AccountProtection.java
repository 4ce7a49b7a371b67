package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The replay guard and attempt limiter of one verifier, applied in the order every
 * account-aware verification follows: begin the attempt (refused if locked), check the code,
 * then accept the matched step once and clear the failures. Replays are remembered per pair of
 * account and authenticator, failures per account. A full store ({@link StoreFullException})
 * makes the check {@link Verification.Status#UNAVAILABLE}, never valid and never a failure.
 */
public final class AccountProtection {
    private final ReplayGuard replayGuard;
    private final AttemptLimiter attemptLimiter;

    private AccountProtection(ReplayGuard replayGuard, AttemptLimiter attemptLimiter) {
        this.replayGuard = replayGuard;
        this.attemptLimiter = attemptLimiter;
    }

    /**
     * Resolves a verifier builder's choices: each store is the given one (perhaps
     * {@link ReplayGuard#none()} or {@link AttemptLimiter#none()}), or by default a fresh
     * in-memory one on the verifier's clock.
     *
     * @param replayGuard the chosen guard, or {@code null} for the in-memory default
     * @param attemptLimiter the chosen limiter, or {@code null} for the in-memory default
     * @param clock the verifier's clock, for the defaults
     * @return the protection
     */
    public static AccountProtection resolve(ReplayGuard replayGuard, AttemptLimiter attemptLimiter, Clock clock) {
        return new AccountProtection(
                replayGuard != null ? replayGuard : ReplayGuard.inMemoryBuilder().clock(clock).build(),
                attemptLimiter != null ? attemptLimiter : AttemptLimiter.inMemoryBuilder().clock(clock).build());
    }

    /**
     * Starts an attempt (see {@link AttemptLimiter#beginAttempt(String)}), which counts as a
     * failure until {@link #acceptOnce} takes it back.
     *
     * @param accountId the account
     * @return empty to go ahead and check the code; else the refusal: {@link
     *     Verification.Status#LOCKED} with the time to retry, or {@link
     *     Verification.Status#UNAVAILABLE} if the limiter had no room to count the attempt (so
     *     it counted nothing)
     */
    public Optional<Verification> beginAttempt(String accountId) {
        Optional<Instant> lockedUntil;
        try {
            lockedUntil = attemptLimiter.beginAttempt(accountId);
        } catch (StoreFullException full) {
            return Optional.of(Results.unavailable(full.retryAfter()));
        }
        return lockedUntil.isEmpty() ? Optional.empty() : Optional.of(Results.locked(lockedUntil.get()));
    }

    /**
     * Accepts a matched step unless it was accepted before, and answers the outcome: on
     * acceptance the account's failures are cleared; a refused replay stays counted as a
     * failure; a step the guard had no room to record is not accepted (failing closed) and not
     * counted either.
     *
     * @param accountId the account, whose failures are counted and cleared
     * @param authenticatorId the authenticator the step is remembered under:
     *     {@link ReplayGuard#ACCOUNT_AUTHENTICATOR} or a credential's id
     * @param step the matched step or counter
     * @param keepUntil when the step has left every window
     * @param drift the match's distance from the current step or expected counter
     * @return {@link Verification.Status#VALID}, {@link Verification.Status#REPLAYED} or
     *     {@link Verification.Status#UNAVAILABLE}
     */
    public Verification acceptOnce(String accountId, String authenticatorId, long step, Instant keepUntil,
            int drift) {
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
            return Results.replayed(); // the failure counted by beginAttempt stays
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
