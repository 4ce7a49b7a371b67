package dev.otpkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A TOTP parameter that popular authenticator apps ignore: such apps quietly compute SHA-1,
 * 6-digit, 30-second codes whatever the {@code otpauth://} URI says, and the user's codes never
 * verify. Check parameters with {@link #check(Totp)} before enrolling users with them.
 */
public enum CompatibilityWarning {
    /** An algorithm other than SHA-1: Google Authenticator and others have long used SHA-1 anyway. */
    ALGORITHM_NOT_SHA1("many authenticator apps ignore the algorithm and compute SHA1 codes"),
    /** A code length other than 6: several apps show 6 digits whatever the URI says. */
    DIGITS_NOT_6("several authenticator apps ignore the digits and show 6-digit codes"),
    /** A period other than 30 seconds: several apps use 30 seconds whatever the URI says. */
    PERIOD_NOT_30_SECONDS("several authenticator apps ignore the period and change codes every 30 seconds");

    private final String message;

    CompatibilityWarning(String message) {
        this.message = message;
    }

    /**
     * Lists the parameters of a TOTP generator that popular apps ignore.
     *
     * @param totp the parameters to check
     * @return the warnings in declaration order; empty for the RFC 6238 defaults
     * @throws NullPointerException if {@code totp} is null
     */
    public static List<CompatibilityWarning> check(Totp totp) {
        Objects.requireNonNull(totp, "totp");
        List<CompatibilityWarning> warnings = new ArrayList<>();
        if (totp.algorithm() != HmacAlgorithm.SHA1) {
            warnings.add(ALGORITHM_NOT_SHA1);
        }
        if (totp.digits() != Hotp.MIN_DIGITS) {
            warnings.add(DIGITS_NOT_6);
        }
        if (!totp.period().equals(Totp.DEFAULT_PERIOD)) {
            warnings.add(PERIOD_NOT_30_SECONDS);
        }
        return Collections.unmodifiableList(warnings);
    }

    /**
     * Explains the warning in one sentence, for a log line or a console.
     *
     * @return the explanation
     */
    public String message() {
        return message;
    }
}
