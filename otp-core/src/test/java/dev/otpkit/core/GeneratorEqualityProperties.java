package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Totp} and {@link Hotp} are values: equal exactly when their parameters are, with equal
 * hash codes. The parameters come from small sets so that generated pairs often share some
 * and differ in one.
 */
class GeneratorEqualityProperties {
    /** What makes a TOTP generator; a record, so its equality is the reference. */
    record TotpParameters(HmacAlgorithm algorithm, int digits, Duration period, Instant t0) {
        Totp build() {
            return Totp.builder().algorithm(algorithm).digits(digits).period(period).t0(t0).build();
        }

        Hotp buildHotp() {
            return Hotp.builder().algorithm(algorithm).digits(digits).build();
        }
    }

    @Property
    void totpsBuiltFromEqualParametersAreEqualWithEqualHashes(@ForAll("parameters") TotpParameters parameters) {
        Totp one = parameters.build();
        Totp other = parameters.build();

        assertEquals(one, other);
        assertEquals(other, one);
        assertEquals(one.hashCode(), other.hashCode());
    }

    @Property
    void totpsDifferingInAnyParameterAreNotEqual(@ForAll("parameters") TotpParameters one,
            @ForAll("parameters") TotpParameters other) {
        Assume.that(!one.equals(other));

        assertNotEquals(one.build(), other.build());
        assertNotEquals(other.build(), one.build());
    }

    @Property
    void hotpsAreEqualExactlyWhenAlgorithmAndDigitsAre(@ForAll("parameters") TotpParameters one,
            @ForAll("parameters") TotpParameters other) {
        boolean sameParameters = one.algorithm() == other.algorithm() && one.digits() == other.digits();

        assertEquals(sameParameters, one.buildHotp().equals(other.buildHotp()));
        assertEquals(sameParameters, other.buildHotp().equals(one.buildHotp()));
        if (sameParameters) {
            assertEquals(one.buildHotp().hashCode(), other.buildHotp().hashCode());
        }
    }

    @Provide
    Arbitrary<TotpParameters> parameters() {
        return Combinators.combine(Arbitraries.of(HmacAlgorithm.class),
                Arbitraries.integers().between(Hotp.MIN_DIGITS, Hotp.MAX_DIGITS),
                Arbitraries.of(Duration.ofSeconds(1), Totp.DEFAULT_PERIOD, Totp.MAX_PERIOD),
                Arbitraries.of(Instant.EPOCH, Instant.ofEpochSecond(1), Instant.ofEpochSecond(-1)))
                .as(TotpParameters::new);
    }
}
