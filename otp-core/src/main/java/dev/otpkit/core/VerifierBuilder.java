package dev.otpkit.core;

import dev.otpkit.core.internal.AccountProtection;
import java.time.Clock;
import java.util.Objects;

/**
 * What the builders of {@link TotpVerifier} and {@link HotpVerifier} share: the clock, the
 * stores that protect accounts, and the listener told about failures and locks. Each store left unset is, by default, a new bounded in-memory
 * store on this builder's clock, made once by the verifier's {@code build()}; switching a
 * protection off is explicit, with {@link ReplayGuard#none()} or {@link AttemptLimiter#none()}.
 * A setting every verifier needs goes here, once.
 *
 * @param <B> the concrete builder, which every setter returns
 */
abstract class VerifierBuilder<B extends VerifierBuilder<B>> {
    private Clock clock = Clock.systemUTC();
    /** {@code null}: a new in-memory guard on the clock. */
    private ReplayGuard replayGuard;
    /** {@code null}: a new in-memory limiter on the clock. */
    private AttemptLimiter attemptLimiter;
    private SecurityEventListener eventListener = SecurityEventListener.none();

    VerifierBuilder() {
    }

    /**
     * This builder as its concrete type, for the setters to return. Safe: every subclass is
     * declared as {@code X extends VerifierBuilder<X>} with B = X itself.
     */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the clock, which also runs the default in-memory stores; default
     * {@link Clock#systemUTC()}. Tests inject a fixed clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * Sets where accepted codes are remembered, so that each is accepted at most once: for
     * example a guard shared by several verifiers or backed by a database, or
     * {@link ReplayGuard#none()} to switch replay protection off; default a new
     * {@link ReplayGuard#inMemory()} guard on this builder's clock.
     *
     * @param replayGuard the guard
     * @return this builder
     * @throws NullPointerException if {@code replayGuard} is null
     */
    public B replayGuard(ReplayGuard replayGuard) {
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        return self();
    }

    /**
     * Sets where failed attempts are counted: for example the limiter the application's other
     * second factors use, a database-backed one, or {@link AttemptLimiter#none()} to switch
     * attempt limiting off (only for callers that limit attempts themselves, as NIST SP 800-63B
     * 5.2.2 requires); default a new {@link AttemptLimiter#inMemory()} limiter on this
     * builder's clock.
     *
     * @param attemptLimiter the limiter
     * @return this builder
     * @throws NullPointerException if {@code attemptLimiter} is null
     */
    public B attemptLimiter(AttemptLimiter attemptLimiter) {
        this.attemptLimiter = Objects.requireNonNull(attemptLimiter, "attemptLimiter");
        return self();
    }

    /**
     * Sets who is told, after the outcome is recorded, about what the account-aware checks
     * find: {@link SecurityEvent.Kind#SECOND_FACTOR_FAILED} for a wrong code,
     * {@link SecurityEvent.Kind#CODE_REPLAYED} for a reused one, then
     * {@link SecurityEvent.Kind#ACCOUNT_LOCKED} if that failure started a lock; each timed by
     * this builder's clock. Default {@link SecurityEventListener#none()}, with which no event is
     * made. The listener is called on the checking thread before the check returns: it must be
     * fast and must not throw (what it throws reaches the caller of the check, whose outcome
     * stays recorded). The checks without an account report nothing.
     *
     * @param eventListener the listener
     * @return this builder
     * @throws NullPointerException if {@code eventListener} is null
     */
    public B eventListener(SecurityEventListener eventListener) {
        this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
        return self();
    }

    /** The clock the verifier reads. */
    final Clock configuredClock() {
        return clock;
    }

    /** The listener the verifier reports to. */
    final SecurityEventListener configuredEventListener() {
        return eventListener;
    }

    /** The stores the verifier protects accounts with, defaults made now: call once per build. */
    final AccountProtection buildProtection() {
        return AccountProtection.resolve(replayGuard, attemptLimiter, clock);
    }
}
