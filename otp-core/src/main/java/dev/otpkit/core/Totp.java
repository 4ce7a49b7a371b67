package dev.otpkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * TOTP code generation (RFC 6238): HOTP over the number of whole periods elapsed since T0.
 * Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * Totp totp = Totp.builder().build();              // SHA-1, 6 digits, 30 s, T0 = 1970-01-01
 * String code = totp.generate(secret, Instant.now());
 * }</pre>
 */
public final class Totp {
    /** The RFC 6238 default time step: 30 seconds. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);
    /**
     * The longest time step: one day (86,400 seconds). A longer step makes a code that stays
     * valid for days, which no use of TOTP needs; {@code otpauth://} URIs and the {@code otp}
     * command allow the same range.
     */
    public static final Duration MAX_PERIOD = Duration.ofDays(1);

    private final Hotp hotp;
    private final long periodSeconds;
    private final Instant t0;

    private Totp(Builder builder) {
        this.hotp = Hotp.builder().algorithm(builder.algorithm).digits(builder.digits).build();
        this.periodSeconds = builder.period.getSeconds();
        this.t0 = builder.t0;
    }

    /**
     * Starts a builder with the RFC 6238 defaults: SHA-1, 6 digits, 30-second period, T0 at
     * the Unix epoch.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the code valid at an instant.
     *
     * @param secret the shared secret
     * @param time the instant, not before T0
     * @return the code, exactly {@link #digits()} ASCII digits, leading zeros kept
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code time} is before T0
     */
    public String generate(OtpSecret secret, Instant time) {
        return hotp.generate(Objects.requireNonNull(secret, "secret"), step(time));
    }

    /**
     * Computes the code of a time step, as {@link #generate(OtpSecret, Instant)} does for an
     * instant in that step.
     *
     * @param secret the shared secret
     * @param step the time step, 0 or more
     * @return the code, exactly {@link #digits()} ASCII digits
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public String generateForStep(OtpSecret secret, long step) {
        return hotp.generate(secret, step);
    }

    /**
     * Returns the time step of an instant: floor((time - T0) / period), RFC 6238 section 4.2.
     *
     * @param time the instant, not before T0
     * @return the step, 0 or more
     * @throws NullPointerException if {@code time} is null
     * @throws IllegalArgumentException if {@code time} is before T0
     */
    public long step(Instant time) {
        Objects.requireNonNull(time, "time");
        if (time.isBefore(t0)) {
            throw new IllegalArgumentException("time " + time + " is before T0 " + t0);
        }
        return Duration.between(t0, time).getSeconds() / periodSeconds;
    }

    /**
     * Returns the instant at which a time step begins.
     *
     * @param step the step, 0 or more
     * @return T0 + step * period
     * @throws IllegalArgumentException if {@code step} is negative
     * @throws ArithmeticException if the instant is beyond {@link Instant#MAX}
     */
    public Instant stepStart(long step) {
        Hotp.requireCounter(step);
        return t0.plusSeconds(Math.multiplyExact(step, periodSeconds));
    }

    /**
     * Returns the hash function.
     *
     * @return the HMAC algorithm
     */
    public HmacAlgorithm algorithm() {
        return hotp.algorithm();
    }

    /**
     * Returns the code length.
     *
     * @return the number of digits, 6 to 8
     */
    public int digits() {
        return hotp.digits();
    }

    /**
     * Returns the time step length.
     *
     * @return the period, a whole number of seconds from 1 to 86,400 ({@link #MAX_PERIOD})
     */
    public Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    /**
     * Returns the instant at which step 0 begins.
     *
     * @return T0
     */
    public Instant t0() {
        return t0;
    }

    /** The underlying counter-based generator, for the verifier's hot path. */
    Hotp hotp() {
        return hotp;
    }

    /**
     * Describes the parameters.
     *
     * @return for example {@code "Totp[SHA1, 6 digits, 30 s]"}
     */
    @Override
    public String toString() {
        return "Totp[" + algorithm() + ", " + digits() + " digits, " + periodSeconds + " s"
                + (t0.equals(Instant.EPOCH) ? "" : ", T0 " + t0) + "]";
    }

    /** Builds {@link Totp} instances; not thread-safe. */
    public static final class Builder {
        private HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
        private int digits = Hotp.MIN_DIGITS;
        private Duration period = DEFAULT_PERIOD;
        private Instant t0 = Instant.EPOCH;

        private Builder() {
        }

        /**
         * Sets the hash function; default {@link HmacAlgorithm#SHA1}.
         *
         * @param algorithm the algorithm
         * @return this builder
         * @throws NullPointerException if {@code algorithm} is null
         */
        public Builder algorithm(HmacAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the code length; default 6. Checked by {@link #build()}.
         *
         * @param digits 6, 7 or 8
         * @return this builder
         */
        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        /**
         * Sets the time step length; default 30 seconds. Checked by {@link #build()}.
         *
         * @param period a whole number of seconds from 1 to 86,400 ({@link #MAX_PERIOD})
         * @return this builder
         * @throws NullPointerException if {@code period} is null
         */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Sets T0, the instant at which step 0 begins; default the Unix epoch.
         *
         * @param t0 the start instant
         * @return this builder
         * @throws NullPointerException if {@code t0} is null
         */
        public Builder t0(Instant t0) {
            this.t0 = Objects.requireNonNull(t0, "t0");
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator
         * @throws IllegalArgumentException if digits is not 6 to 8, or the period is not a whole
         *     number of seconds from 1 to 86,400
         */
        public Totp build() {
            if (period.getSeconds() < 1 || period.compareTo(MAX_PERIOD) > 0 || period.getNano() != 0) {
                throw new IllegalArgumentException("period must be a whole number of seconds from 1 to "
                        + MAX_PERIOD.getSeconds() + " seconds, was " + period);
            }
            return new Totp(this);
        }
    }
}
