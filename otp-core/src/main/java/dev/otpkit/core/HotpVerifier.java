package dev.otpkit.core;

import dev.otpkit.core.internal.AccountProtection;
import dev.otpkit.core.internal.CodeInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks HOTP codes against the counter the server expects next, looking a few counters
 * ahead for button presses that never reached the server (RFC 4226 section 7.4). Immutable
 * and thread-safe.
 *
 * <p>After a valid result, store the {@linkplain Verification.Match#nextCounter() next counter}
 * of its {@linkplain Verification#match() match} for the account, so that neither the accepted
 * code nor an older one is accepted again.
 *
 * <p>For logins use the account-aware methods: they also limit failed attempts
 * ({@link AttemptLimiter}) and accept a counter at most once even when two requests read the same
 * stored counter at the same time ({@link ReplayGuard}). Both are on by default with in-memory
 * stores made for this verifier, replaceable in the builder or switched off by name
 * ({@link ReplayGuard#none()}, {@link AttemptLimiter#none()}), exactly as for
 * {@link TotpVerifier}. When a token has drifted beyond the look-ahead, ask the user for two
 * consecutive codes and call
 * {@link #resynchronize(String, OtpSecret, CharSequence, CharSequence, long)}.
 *
 * <pre>{@code
 * HotpVerifier verifier = HotpVerifier.builder(Hotp.builder().build()).build();
 * Verification result = verifier.verify("alice/hotp", secret, code, storedCounter);
 * if (result.isValid()) {
 *     storedCounter = result.match().orElseThrow().nextCounter();
 * }
 * }</pre>
 */
public final class HotpVerifier {
    /** Look-ahead used unless set: 5 counters beyond the expected one. */
    public static final int DEFAULT_LOOK_AHEAD = 5;
    /** Largest look-ahead allowed: 50. */
    public static final int MAX_LOOK_AHEAD = 50;
    /** Resynchronisation window used unless set: 100 counters beyond the expected one. */
    public static final int DEFAULT_RESYNC_WINDOW = 100;
    /** Largest resynchronisation window allowed: 1000. */
    public static final int MAX_RESYNC_WINDOW = 1000;
    /**
     * How long the replay guard remembers an accepted counter: 1 hour. The stored counter is
     * what refuses old codes; the guard only has to outlast the moment between reading and
     * storing it, when a second request could read the same counter. The same for every
     * look-ahead and resynchronisation window, so HOTP verifiers with different settings can
     * share a guard.
     */
    public static final Duration REPLAY_MEMORY = Duration.ofHours(1);

    private final Hotp hotp;
    private final int lookAhead;
    private final int resyncWindow;
    private final Clock clock;
    private final AccountProtection protection;
    private final SecurityEventListener eventListener;

    private HotpVerifier(Builder builder) {
        this.hotp = builder.hotp;
        this.lookAhead = builder.lookAhead;
        this.resyncWindow = builder.resyncWindow;
        this.clock = builder.configuredClock();
        this.protection = builder.buildProtection();
        this.eventListener = builder.configuredEventListener();
    }

    /**
     * Starts a builder with a look-ahead of {@value #DEFAULT_LOOK_AHEAD}, a resynchronisation
     * window of {@value #DEFAULT_RESYNC_WINDOW}, the system clock, and replay protection and
     * attempt limiting on, with in-memory stores.
     *
     * @param hotp the code parameters to verify against
     * @return a new builder
     * @throws NullPointerException if {@code hotp} is null
     */
    public static Builder builder(Hotp hotp) {
        return new Builder(Objects.requireNonNull(hotp, "hotp"));
    }

    /**
     * Checks a code against the expected counter and the look-ahead window after it, in
     * constant time over the whole window.
     *
     * @param secret the account's secret
     * @param code the code as typed; any content, including {@code null}
     * @param expectedCounter the counter stored for the account, 0 or more
     * @return {@link Verification.Status#VALID} with the {@linkplain Verification#match() match}
     *     (drift = matched - expected), {@link Verification.Status#INVALID} or
     *     {@link Verification.Status#MALFORMED}
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if {@code expectedCounter} is negative
     */
    public Verification verify(OtpSecret secret, CharSequence code, long expectedCounter) {
        Objects.requireNonNull(secret, "secret");
        Hotp.requireCounter(expectedCounter);
        int given = CodeInput.parse(code, hotp.digits());
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        long matched = hotp.find(secret, given, expectedCounter, windowEnd(expectedCounter, lookAhead));
        return matched < 0 ? Verification.invalid()
                : Verification.valid(matched, (int) (matched - expectedCounter));
    }

    /**
     * Checks a code for an account as {@link #verify(OtpSecret, CharSequence, long)} does, and
     * also limits failed attempts and accepts each counter at most once, in the order
     * {@link TotpVerifier#verify(String, OtpSecret, CharSequence)} describes: malformed input
     * is answered without counting; a locked account is answered {@link Verification.Status#LOCKED}
     * without computing a code (and an attempt limiter with no room to count the attempt
     * {@link Verification.Status#UNAVAILABLE}); a matching counter that is not newer than the last one accepted
     * for the account is {@link Verification.Status#REPLAYED}; one the replay guard has no room
     * to remember is {@link Verification.Status#UNAVAILABLE}, not accepted and not counted as a
     * failure. Accepted counters are remembered under the account and
     * {@link ReplayGuard#ACCOUNT_AUTHENTICATOR}. Each store's check-and-update is atomic per
     * account. INVALID and REPLAYED are reported to the
     * {@linkplain Builder#eventListener(SecurityEventListener) event listener} once counted, with
     * {@link SecurityEvent.Kind#ACCOUNT_LOCKED} after them if the attempt started a lock.
     *
     * @param accountId the account, as the application names it (one id per authenticator)
     * @param secret the account's secret
     * @param code the code as typed; any content, including {@code null}
     * @param expectedCounter the counter stored for the account, 0 or more
     * @return the outcome; after {@link Verification.Status#VALID}, store the
     *     {@linkplain Verification.Match#nextCounter() next counter} of its match
     * @throws NullPointerException if {@code accountId} or {@code secret} is null
     * @throws IllegalArgumentException if {@code expectedCounter} is negative
     * @throws StoreException if a store fails for another reason than being full
     */
    public Verification verify(String accountId, OtpSecret secret, CharSequence code, long expectedCounter) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(secret, "secret");
        Hotp.requireCounter(expectedCounter);
        int given = CodeInput.parse(code, hotp.digits());
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        AccountProtection.Admission admission = protection.beginAttempt(accountId);
        if (admission.isRefused()) {
            return admission.refusal();
        }
        long matched = hotp.find(secret, given, expectedCounter, windowEnd(expectedCounter, lookAhead));
        return accept(admission, accountId, matched, expectedCounter);
    }

    /**
     * Resynchronises a token whose counter ran beyond the look-ahead (RFC 4226 section 7.4):
     * accepts two codes the user generated one after the other if they match two consecutive
     * counters within the resynchronisation window after the expected counter. Guessing such a
     * pair is far harder than guessing one code, and the call counts as one attempt for the
     * {@link AttemptLimiter}; replay protection applies to the second code's counter. The whole
     * window is evaluated in constant time. Events are reported as by
     * {@link #verify(String, OtpSecret, CharSequence, long)}.
     *
     * @param accountId the account, as the application names it (one id per authenticator)
     * @param secret the account's secret
     * @param firstCode the first of two consecutive codes, as typed; any content
     * @param secondCode the code generated right after {@code firstCode}, as typed; any content
     * @param expectedCounter the counter stored for the account, 0 or more
     * @return {@link Verification.Status#VALID} with the second code's counter as the matched
     *     counter (store the {@linkplain Verification.Match#nextCounter() next counter} of its
     *     match), or why not: MALFORMED if either input is not a code, LOCKED, INVALID if no
     *     consecutive pair matches, REPLAYED, UNAVAILABLE
     * @throws NullPointerException if {@code accountId} or {@code secret} is null
     * @throws IllegalArgumentException if {@code expectedCounter} is negative
     * @throws StoreException if a store fails for another reason than being full
     */
    public Verification resynchronize(String accountId, OtpSecret secret, CharSequence firstCode,
            CharSequence secondCode, long expectedCounter) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(secret, "secret");
        Hotp.requireCounter(expectedCounter);
        int first = CodeInput.parse(firstCode, hotp.digits());
        int second = CodeInput.parse(secondCode, hotp.digits());
        if (first == CodeInput.MALFORMED || second == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        AccountProtection.Admission admission = protection.beginAttempt(accountId);
        if (admission.isRefused()) {
            return admission.refusal();
        }
        // The second code's counter is one past the first's, so it must stay representable.
        long lastFirst = Math.min(windowEnd(expectedCounter, resyncWindow), Long.MAX_VALUE - 1);
        long matched = hotp.findPair(secret, first, second, expectedCounter, lastFirst);
        return accept(admission, accountId, matched, expectedCounter);
    }

    /** Turns a search result into the outcome, accepting a match at most once. */
    private Verification accept(AccountProtection.Admission admission, String accountId, long matched,
            long expectedCounter) {
        if (matched < 0) {
            return protection.invalid(admission, accountId, eventListener);
        }
        return protection.acceptOnce(admission, accountId, ReplayGuard.ACCOUNT_AUTHENTICATOR, matched,
                clock.instant().plus(REPLAY_MEMORY), (int) (matched - expectedCounter), eventListener);
    }

    /** {@code expected + width}, stopping at {@link Long#MAX_VALUE}. */
    private static long windowEnd(long expected, int width) {
        return expected > Long.MAX_VALUE - width ? Long.MAX_VALUE : expected + width;
    }

    /**
     * Returns the code parameters.
     *
     * @return the HOTP generator this verifier checks against
     */
    public Hotp hotp() {
        return hotp;
    }

    /**
     * Describes the verifier.
     *
     * @return for example {@code "HotpVerifier[Hotp[SHA1, 6 digits], look-ahead 5,
     *     resync window 100, replay guard on, attempt limiter on]"}
     */
    @Override
    public String toString() {
        return "HotpVerifier[" + hotp + ", look-ahead " + lookAhead + ", resync window " + resyncWindow
                + ", " + protection + "]";
    }

    /**
     * Builds {@link HotpVerifier} instances: the look-ahead and resynchronisation window here,
     * the clock and the stores as every verifier builder has them. The clock also decides how
     * long the replay guard remembers a counter. Not thread-safe.
     */
    public static final class Builder extends VerifierBuilder<Builder> {
        private final Hotp hotp;
        private int lookAhead = DEFAULT_LOOK_AHEAD;
        private int resyncWindow = DEFAULT_RESYNC_WINDOW;

        private Builder(Hotp hotp) {
            this.hotp = hotp;
        }

        /**
         * Sets how many counters beyond the expected one are also accepted; default
         * {@value HotpVerifier#DEFAULT_LOOK_AHEAD}. Checked by {@link #build()}.
         *
         * @param counters 0 to 50
         * @return this builder
         */
        public Builder lookAhead(int counters) {
            this.lookAhead = counters;
            return this;
        }

        /**
         * Sets how many counters beyond the expected one the first of the two codes given to
         * {@link HotpVerifier#resynchronize(String, OtpSecret, CharSequence, CharSequence, long)}
         * may be; default
         * {@value HotpVerifier#DEFAULT_RESYNC_WINDOW}. Checked by {@link #build()}.
         *
         * @param counters 1 to 1000
         * @return this builder
         */
        public Builder resyncWindow(int counters) {
            this.resyncWindow = counters;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException if the look-ahead is not 0 to 50 or the
         *     resynchronisation window is not 1 to 1000
         */
        public HotpVerifier build() {
            if (lookAhead < 0 || lookAhead > MAX_LOOK_AHEAD) {
                throw new IllegalArgumentException("lookAhead must be 0 to " + MAX_LOOK_AHEAD + ", was " + lookAhead);
            }
            if (resyncWindow < 1 || resyncWindow > MAX_RESYNC_WINDOW) {
                throw new IllegalArgumentException("resyncWindow must be 1 to " + MAX_RESYNC_WINDOW
                        + ", was " + resyncWindow);
            }
            return new HotpVerifier(this);
        }
    }
}
