package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.ReplayGuard.Acceptance;
import dev.otpkit.core.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The replay guard and attempt limiter of one verifier, either of which may be switched off,
 * applied in the order every account-aware verification follows: begin the attempt (refused if
 * locked), check the code, then accept the matched step once and clear the failures.
 * Replays are remembered per pair of account and authenticator, failures per account.
 */
public final class AccountProtection {
    private final ReplayGuard replayGuard;
    private final AttemptLimiter attemptLimiter;

    /**
     * Combines the two stores; see {@link #resolve}.
     *
     * @param replayGuard the guard, or {@code null} when replay protection is off
     * @param attemptLimiter the limiter, or {@code null} when attempt limiting is off
     */
    private AccountProtection(ReplayGuard replayGuard, AttemptLimiter attemptLimiter) {
        this.replayGuard = replayGuard;
        this.attemptLimiter = attemptLimiter;
    }

    /**
     * Resolves a verifier builder's choices: each store is off, the given one, or by default a
     * fresh in-memory one on the verifier's clock.
     *
     * @param replayProtection whether replay protection is on
     * @param replayGuard the chosen guard, or {@code null} for the in-memory default
     * @param attemptLimiting whether attempt limiting is on
     * @param attemptLimiter the chosen limiter, or {@code null} for the in-memory default
     * @param clock the verifier's clock, for the defaults
     * @return the protection
     */
    public static AccountProtection resolve(boolean replayProtection, ReplayGuard replayGuard,
            boolean attemptLimiting, AttemptLimiter attemptLimiter, Clock clock) {
        ReplayGuard guard = !replayProtection ? null
                : replayGuard != null ? replayGuard : ReplayGuard.inMemoryBuilder().clock(clock).build();
        AttemptLimiter limiter = !attemptLimiting ? null
                : attemptLimiter != null ? attemptLimiter : AttemptLimiter.inMemoryBuilder().clock(clock).build();
        return new AccountProtection(guard, limiter);
    }

    /**
     * Starts an attempt; see {@link AttemptLimiter#beginAttempt(String)}.
     *
     * @param accountId the account
     * @return empty to go ahead, else when the account may try again
     */
    public Optional<Instant> beginAttempt(String accountId) {
        return attemptLimiter == null ? Optional.empty() : attemptLimiter.beginAttempt(accountId);
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
        Acceptance acceptance = replayGuard == null ? Acceptance.accepted()
                : Objects.requireNonNull(replayGuard.tryAccept(accountId, authenticatorId, step, keepUntil),
                        "ReplayGuard.tryAccept returned null");
        switch (acceptance.outcome()) {
            case REPLAYED:
                return Verification.replayed(); // the failure counted by beginAttempt stays
            case NO_ROOM:
                // The code was right, so taking back the attempt that beginAttempt counted is
                // earned, and recordSuccess is the limiter's only way to take one back. Nothing
                // is accepted: only a caller holding a right code of the window gets here, and it
                // could log in as soon as the guard has room anyway. Counting it would lock out
                // users who never typed a wrong code whenever the guard is full.
                clearFailures(accountId);
                return Verification.unavailable(acceptance.retryAfter().orElseThrow());
            default:
                clearFailures(accountId);
                return Verification.valid(step, drift);
        }
    }

    private void clearFailures(String accountId) {
        if (attemptLimiter != null) {
            attemptLimiter.recordSuccess(accountId);
        }
    }

    /**
     * Describes which protections are on.
     *
     * @return for example {@code "replay guard on, attempt limiter on"}
     */
    @Override
    public String toString() {
        return "replay guard " + (replayGuard == null ? "off" : "on")
                + ", attempt limiter " + (attemptLimiter == null ? "off" : "on");
    }
}
