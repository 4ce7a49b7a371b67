package dev.otpkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * TOTP code generation (RFC 6238): HOTP over the number of whole periods elapsed since T0.
 * An immutable, thread-safe value: build one and share it; two generators are equal when their
 * algorithm, digits, period and T0 are.
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

    private Totp(Hotp hotp, long periodSeconds, Instant t0) {
        this.hotp = hotp;
        this.periodSeconds = periodSeconds;
        this.t0 = t0;
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
        long seconds = Math.addExact(t0.getEpochSecond(), Math.multiplyExact(step, periodSeconds));
        // Instant.ofEpochSecond would refuse a later second with a DateTimeException; one kind
        // of overflow, the documented one, whichever sum or product passes the end.
        if (seconds > Instant.MAX.getEpochSecond()) {
            throw new ArithmeticException("step " + step + " begins after " + Instant.MAX);
        }
        return Instant.ofEpochSecond(seconds, t0.getNano());
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

    /**
     * The counter-based generator of the time steps: for the verifier's hot path, and the
     * algorithm and digits of a TOTP {@link OtpAuthUri}.
     */
    Hotp hotp() {
        return hotp;
    }

    /**
     * Compares generators by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is a {@code Totp} with the same algorithm, digits, period
     *     and T0
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Totp that && hotp.equals(that.hotp) && periodSeconds == that.periodSeconds
                && t0.equals(that.t0);
    }

    /**
     * Hashes the algorithm, digits, period and T0.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(hotp, periodSeconds, t0);
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
    public static final class Builder extends GeneratorBuilder<Builder> {
        private Duration period = DEFAULT_PERIOD;
        private Instant t0 = Instant.EPOCH;

        private Builder() {
        }

        @Override
        Builder self() {
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
            return new Totp(buildHotp(), period.getSeconds(), t0);
        }
    }
}
