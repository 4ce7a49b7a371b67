package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.ReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The replay guard and attempt limiter of one verifier, either of which may be switched off,
 * applied in the order every account-aware verification follows: begin the attempt (refused if
 * locked), check the code, then accept the matched step once and clear the failures.
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
     * Accepts a matched step unless it was accepted before, and on acceptance clears the
     * account's failures. A refused replay stays counted as a failure.
     *
     * @param accountId the account, whose failures are cleared
     * @param replayKey the key the step is remembered under: the account id, or one of its
     *     authenticators
     * @param step the matched step or counter
     * @param keepUntil when the step has left every window
     * @return {@code true} if accepted, {@code false} for a replay
     */
    public boolean acceptOnce(String accountId, String replayKey, long step, Instant keepUntil) {
        if (replayGuard != null && !replayGuard.tryAccept(replayKey, step, keepUntil)) {
            return false;
        }
        if (attemptLimiter != null) {
            attemptLimiter.recordSuccess(accountId);
        }
        return true;
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
