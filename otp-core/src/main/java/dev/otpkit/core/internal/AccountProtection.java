package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification;
import java.time.Clock;
import java.time.Instant;

/**
 * The replay guard and attempt limiter of one verifier, applied in the order every
 * account-aware verification follows: begin the attempt through the {@link AttemptGate}
 * (refused if locked), check the code, then accept the matched step once and clear the
 * failures, or answer the failure. Replays are remembered per pair of account and
 * authenticator, failures per account. A full store ({@link StoreFullException}) makes the check
 * {@link Verification.Status#UNAVAILABLE}, never valid and never a failure. Failures are
 * reported as the gate reports them.
 */
public final class AccountProtection {
    private final ReplayGuard replayGuard;
    private final AttemptGate attempts;

    private AccountProtection(ReplayGuard replayGuard, AttemptGate attempts) {
        this.replayGuard = replayGuard;
        this.attempts = attempts;
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
                AttemptGate.resolve(attemptLimiter, clock));
    }

    /**
     * Starts an attempt, as {@link AttemptGate#beginAttempt(String)}: it counts as a failure
     * until {@link #acceptOnce} takes it back.
     *
     * @param accountId the account
     * @return whether to go ahead and check the code, or the refusal to answer
     */
    public AttemptGate.Admission beginAttempt(String accountId) {
        return attempts.beginAttempt(accountId);
    }

    /**
     * Answers a well-formed code that matched nothing, as {@link AttemptGate#invalid}.
     *
     * @param admission this attempt's admission, which went ahead
     * @param accountId the account
     * @param listener whom to tell
     * @return {@link Verification.Status#INVALID}
     */
    public Verification invalid(AttemptGate.Admission admission, String accountId, SecurityEventListener listener) {
        return attempts.invalid(admission, accountId, listener);
    }

    /**
     * Answers a matched code that was accepted before, as {@link AttemptGate#replayed}.
     *
     * @param admission this attempt's admission, which went ahead
     * @param accountId the account
     * @param listener whom to tell
     * @return {@link Verification.Status#REPLAYED}
     */
    public Verification replayed(AttemptGate.Admission admission, String accountId, SecurityEventListener listener) {
        return attempts.replayed(admission, accountId, listener);
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
    public Verification acceptOnce(AttemptGate.Admission admission, String accountId, String authenticatorId, long step,
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
            attempts.succeeded(accountId);
            return Results.unavailable(full.retryAfter());
        }
        if (!accepted) {
            return replayed(admission, accountId, listener); // the failure counted by beginAttempt stays
        }
        attempts.succeeded(accountId);
        return Results.valid(step, drift);
    }

    /**
     * Describes which protections are on.
     *
     * @return for example {@code "replay guard on, attempt limiter off"}
     */
    @Override
    public String toString() {
        return "replay guard " + (replayGuard == ReplayGuard.none() ? "off" : "on") + ", " + attempts;
    }
}
