package dev.otpkit.core;

import dev.otpkit.core.internal.CodeInput;
import java.time.Clock;
import java.util.Objects;

/**
 * Checks TOTP codes against the current time, allowing for clock drift between server and
 * phone (RFC 6238 section 5.2). Immutable and thread-safe; build one and share it.
 *
 * <p>Codes are compared in constant time and the whole window is evaluated whatever matches.
 * User input is never an exception: anything that is not a code is
 * {@link Verification.Status#MALFORMED}.
 *
 * <pre>{@code
 * TotpVerifier verifier = TotpVerifier.builder(Totp.builder().build()).build();  // ±1 step
 * Verification result = verifier.verify(secret, "123 456");
 * }</pre>
 */
public final class TotpVerifier {
    /** Most steps a window may reach behind or ahead: 10. */
    public static final int MAX_WINDOW = 10;

    private final Totp totp;
    private final int stepsBehind;
    private final int stepsAhead;
    private final Clock clock;

    private TotpVerifier(Builder builder) {
        this.totp = builder.totp;
        this.stepsBehind = builder.stepsBehind;
        this.stepsAhead = builder.stepsAhead;
        this.clock = builder.clock;
    }

    /**
     * Starts a builder with a window of one step behind and one ahead, and the system clock.
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
     * of earlier calls: the same code is accepted again within its window. Use the account-aware
     * verification to accept a code only once.
     *
     * @param secret the account's secret
     * @param code the code as typed; any content, including {@code null}
     * @return {@link Verification.Status#VALID} with the matched step and its drift,
     *     {@link Verification.Status#INVALID} or {@link Verification.Status#MALFORMED}
     * @throws NullPointerException if {@code secret} is null
     */
    public Verification verify(OtpSecret secret, CharSequence code) {
        Objects.requireNonNull(secret, "secret");
        int given = CodeInput.parse(code, totp.digits());
        if (given == CodeInput.MALFORMED) {
            return Verification.malformed();
        }
        long current = totp.step(clock.instant());
        long first = Math.max(0, current - stepsBehind);
        long matched = totp.hotp().find(secret, given, first, current + stepsAhead);
        return matched < 0 ? Verification.invalid() : Verification.valid(matched, (int) (matched - current));
    }

    /**
     * Returns the code parameters.
     *
     * @return the TOTP generator this verifier checks against
     */
    public Totp totp() {
        return totp;
    }

    /**
     * Describes the verifier.
     *
     * @return for example {@code "TotpVerifier[Totp[SHA1, 6 digits, 30 s], window -1/+1]"}
     */
    @Override
    public String toString() {
        return "TotpVerifier[" + totp + ", window -" + stepsBehind + "/+" + stepsAhead + "]";
    }

    /** Builds {@link TotpVerifier} instances; not thread-safe. */
    public static final class Builder {
        private final Totp totp;
        private int stepsBehind = 1;
        private int stepsAhead = 1;
        private Clock clock = Clock.systemUTC();

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
         * Sets the clock; default {@link Clock#systemUTC()}. Tests inject a fixed clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
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
