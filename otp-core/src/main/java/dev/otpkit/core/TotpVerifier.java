package dev.otpkit.core;

import dev.otpkit.core.internal.AccountProtection;
import dev.otpkit.core.internal.CodeInput;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks TOTP codes against the current time, allowing for clock drift between server and
 * phone (RFC 6238 section 5.2). Immutable and thread-safe; build one and share it.
 *
 * <p>Codes are compared in constant time and the whole window is evaluated whatever matches.
 * User input is never an exception: anything that is not a code is
 * {@link Verification.Status#MALFORMED}.
 *
 * <p>The account-aware {@link #verify(String, OtpSecret, CharSequence)} is the one to use for
 * logins: it accepts a code at most once ({@link ReplayGuard}) and limits failed attempts
 * ({@link AttemptLimiter}). Both are on by default, each with a bounded in-memory store made for
 * this verifier; replace them with shared or database-backed stores through the builder, or
 * switch one off by name ({@code replayGuard(ReplayGuard.none())},
 * {@code attemptLimiter(AttemptLimiter.none())}). Because the default stores belong to one verifier,
 * build one verifier per kind of code and share it. Verifiers with different windows may share
 * one {@link ReplayGuard}: each asks it to keep an accepted step until the step has left the
 * widest window allowed ({@value #MAX_WINDOW} steps behind), not only its own.
 *
 * <pre>{@code
 * TotpVerifier verifier = TotpVerifier.builder(Totp.builder().build()).build();  // ±1 step
 * Verification result = verifier.verify("alice", secret, "123 456");
 * if (result.isValid()) { ...second factor passed... }
 * }</pre>
 */
public final class TotpVerifier {
    /**
     * Most steps a window may reach behind or ahead: 10. Also how many steps after an accepted
     * step the {@link ReplayGuard} is asked to remember it, so that no verifier sharing the guard
     * can accept it again, whatever its window.
     */
    public static final int MAX_WINDOW = 10;
    /** No step is used up in advance: every matching step is new to the caller. */
    static final long NO_USED_STEP = -1;

    private final Totp totp;
    private final int stepsBehind;
    private final int stepsAhead;
    private final Clock clock;
    private final AccountProtection protection;
    private final SecurityEventListener eventListener;

    private TotpVerifier(Builder builder) {
        this.totp = builder.totp;
        this.stepsBehind = builder.stepsBehind;
        this.stepsAhead = builder.stepsAhead;
        this.clock = builder.configuredClock();
        this.protection = builder.buildProtection();
        this.eventListener = builder.configuredEventListener();
    }

    /**
     * Starts a builder with a window of one step behind and one ahead, the system clock, and
     * replay protection and attempt limiting on, with in-memory stores.
     *
     * @param totp the code parameters to verify against
     * @return a new builder
     * @throws NullPointerException if {@code totp} is null
     */
    public static Builder builder(Totp totp) {
        return new Builder(Objects.requireNonNull(totp, "totp"));
    }

    /**
     * Checks a code against the current time step and the steps of the window, with no memory
     * of earlier calls: the same code is accepted again within its window, and failures are not
     * limited. For logins use {@link #verify(String, OtpSecret, CharSequence)}, which accepts a
     * code only once and limits attempts.
     *
     * @param secret the account's secret
     * @param code the code as typed; any content, including {@code null}
     * @return {@link Verification.Status#VALID} with the {@linkplain Verification#match() match}
     *     (the matched step and its drift), {@link Verification.Status#INVALID} or
     *     {@link Verification.Status#MALFORMED}
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if the code is well-formed and the clock reads a time
     *     before the code parameters' T0 (a misconfigured clock or T0, not user input)
     */
    public Verification verify(OtpSecret secret, CharSequence code) {
        Objects.requireNonNull(secret, "secret");
        int given = CodeInput.parse(code, totp.digits());
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        long current = totp.step(clock.instant());
        long matched = findInWindow(totp, secret, given, current);
        return matched < 0 ? Verification.invalid() : Verification.valid(matched, (int) (matched - current));
    }

    /**
     * Checks a code for an account, accepting it at most once and limiting failed attempts: the
     * verification for logins. In order:
     * <ol>
     * <li>input that is not a code is {@link Verification.Status#MALFORMED}; it tells nothing
     *     about the secret, so it does not count as an attempt;</li>
     * <li>if the account is locked the answer is {@link Verification.Status#LOCKED} with the
     *     time to retry, and no code is computed, so it reveals nothing about the code;
     *     otherwise the attempt counts as a failure until it succeeds (an attempt limiter with
     *     no room to count it answers {@link Verification.Status#UNAVAILABLE} instead, without
     *     computing a code);</li>
     * <li>the code is checked over the whole window in constant time:
     *     {@link Verification.Status#INVALID} if it matches no step;</li>
     * <li>a matching step not newer than the last step accepted for the account is
     *     {@link Verification.Status#REPLAYED} (the failure stays counted); otherwise it is
     *     {@link Verification.Status#VALID}, remembered (under the account and
     *     {@link ReplayGuard#ACCOUNT_AUTHENTICATOR}), and the account's failures are cleared;
     *     if the replay guard has no room to remember it, it is not accepted but
     *     {@link Verification.Status#UNAVAILABLE} with the time to retry, and not counted as a
     *     failure.</li>
     * </ol>
     * Each store's check-and-update is atomic per account, so of concurrent calls with the same
     * valid code exactly one is accepted. With {@link ReplayGuard#none()} or
     * {@link AttemptLimiter#none()}, the matching steps accept and count nothing. A store
     * failing otherwise ({@link StoreException}) reaches the caller. INVALID and REPLAYED are
     * reported to the {@linkplain Builder#eventListener(SecurityEventListener) event listener}
     * once counted, with {@link SecurityEvent.Kind#ACCOUNT_LOCKED} after them if the attempt
     * started a lock.
     *
     * @param accountId the account, as the application names it (one id per authenticator)
     * @param secret the account's secret
     * @param code the code as typed; any content, including {@code null}
     * @return the outcome; {@link Verification#isValid()} only for a first use of a matching code
     * @throws NullPointerException if {@code accountId} or {@code secret} is null
     * @throws IllegalArgumentException if the code is well-formed and the clock reads a time
     *     before the code parameters' T0 (a misconfigured clock or T0, not user input); the
     *     attempt is then not counted
     * @throws StoreException if a store fails for another reason than being full
     */
    public Verification verify(String accountId, OtpSecret secret, CharSequence code) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(secret, "secret");
        return verify(totp, accountId, ReplayGuard.ACCOUNT_AUTHENTICATOR, NO_USED_STEP, secret, code, eventListener);
    }

    /**
     * Checks a login code against an enrolled credential: as
     * {@link #verify(String, OtpSecret, CharSequence)}, with the credential's secret and code
     * parameters and this verifier's window, clock and stores, except that accepted steps are
     * remembered per credential, under its account and its {@linkplain TotpCredential#id() id}
     * as two separate values. Failures still count towards the lock of the account, shared
     * with its other authenticators; but an old and a new authenticator of one account, during a
     * re-enrolment, do not refuse each other's codes as replays. A step not after
     * {@link TotpCredential#confirmedStep()} is {@link Verification.Status#REPLAYED} whatever the
     * replay guard remembers, so the code that confirmed the enrolment (or an older one) never
     * logs in, even after a restart or on a node whose guard never saw the confirmation.
     *
     * @param credential the account's active credential
     * @param code the code as typed; any content, including {@code null}
     * @return the outcome; {@link Verification#isValid()} only for a first use of a matching code
     * @throws NullPointerException if {@code credential} is null
     * @throws IllegalArgumentException if the code is well-formed and the clock reads a time
     *     before the credential's T0; the attempt is then not counted
     * @throws StoreException if a store fails for another reason than being full
     */
    public Verification verify(TotpCredential credential, CharSequence code) {
        Objects.requireNonNull(credential, "credential");
        return verify(credential.totp(), credential.accountId(), credential.id(), credential.confirmedStep(),
                credential.secret(), code, eventListener);
    }

    /**
     * The account-aware check with explicit code parameters: attempts are limited per
     * {@code accountId}, accepted steps remembered under {@code accountId} and
     * {@code authenticatorId}, and a step not after
     * {@code usedStep} (or {@link #NO_USED_STEP}) is a replay whatever the guard says; failures
     * are reported to {@code listener}. Takes the parameters as an argument, so that a
     * credential's login allocates no verifier.
     */
    Verification verify(Totp codes, String accountId, String authenticatorId, long usedStep, OtpSecret secret,
            CharSequence code, SecurityEventListener listener) {
        int given = CodeInput.parse(code, codes.digits());
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        // Before the attempt is counted: a clock before T0 throws and must not cost a failure.
        long current = codes.step(clock.instant());
        AccountProtection.Admission admission = protection.beginAttempt(accountId);
        if (admission.isRefused()) {
            return admission.refusal();
        }
        long matched = findInWindow(codes, secret, given, current);
        if (matched < 0) {
            return protection.invalid(admission, accountId, listener);
        }
        if (matched <= usedStep) {
            return protection.replayed(admission, accountId, listener); // the failure stays counted
        }
        // Kept while any verifier could still present the step, not only this one: another
        // verifier sharing the guard may reach up to MAX_WINDOW steps behind.
        Instant keepUntil = codes.stepStart(matched + MAX_WINDOW + 1);
        return protection.acceptOnce(admission, accountId, authenticatorId, matched, keepUntil,
                (int) (matched - current), listener);
    }

    /** The step of the window around {@code current} whose code under {@code codes} is {@code given}, or -1. */
    private long findInWindow(Totp codes, OtpSecret secret, int given, long current) {
        long first = Math.max(0, current - stepsBehind);
        return codes.hotp().find(secret, given, first, current + stepsAhead);
    }

    /**
     * Returns the code parameters.
     *
     * @return the TOTP generator this verifier checks against
     */
    public Totp totp() {
        return totp;
    }

    /** The clock, so that services built on this verifier agree with it on the time. */
    Clock clock() {
        return clock;
    }

    /** The event listener, the default of services built on this verifier. */
    SecurityEventListener eventListener() {
        return eventListener;
    }

    /**
     * Describes the verifier.
     *
     * @return for example {@code "TotpVerifier[Totp[SHA1, 6 digits, 30 s], window -1/+1,
     *     replay guard on, attempt limiter on]"}
     */
    @Override
    public String toString() {
        return "TotpVerifier[" + totp + ", window -" + stepsBehind + "/+" + stepsAhead + ", " + protection + "]";
    }

    /**
     * Builds {@link TotpVerifier} instances: the window here, the clock and the stores as every
     * verifier builder has them. Not thread-safe.
     */
    public static final class Builder extends VerifierBuilder<Builder> {
        private final Totp totp;
        private int stepsBehind = 1;
        private int stepsAhead = 1;

        private Builder(Totp totp) {
            this.totp = totp;
        }

        /**
         * Sets how many time steps before and after the current one are also accepted;
         * default 1 and 1. Checked by {@link #build()}.
         *
         * @param stepsBehind steps in the past, 0 to 10
         * @param stepsAhead steps in the future, 0 to 10
         * @return this builder
         */
        public Builder window(int stepsBehind, int stepsAhead) {
            this.stepsBehind = stepsBehind;
            this.stepsAhead = stepsAhead;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException if a window bound is not 0 to 10
         */
        public TotpVerifier build() {
            requireWindow("stepsBehind", stepsBehind);
            requireWindow("stepsAhead", stepsAhead);
            return new TotpVerifier(this);
        }

        private static void requireWindow(String name, int steps) {
            if (steps < 0 || steps > MAX_WINDOW) {
                throw new IllegalArgumentException(name + " must be 0 to " + MAX_WINDOW + ", was " + steps);
            }
        }
    }
}
