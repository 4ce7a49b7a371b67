package dev.otpkit.bench;

import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one verification scenario every implementation is measured on: the RFC 4226 test secret,
 * a fixed instant in the middle of a 30-second step, six-digit SHA-1 codes, and a right and a
 * wrong code for it.
 */
final class Scenario {
    /** The RFC 4226 Appendix D secret, 20 ASCII bytes. */
    static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final String SECRET_BASE32 = OtpSecret.fromBytes(SECRET).toBase32();
    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    /** Widest window any benchmark asks for, in steps each side. */
    static final int MAX_WINDOW = 3;
    /** 15 s into step 56,666,667. */
    static final Instant TIME = Instant.ofEpochSecond(1_700_000_015L);
    static final long STEP = TIME.getEpochSecond() / PERIOD_SECONDS;

    private static final Totp TOTP = Totp.builder().build();

    private Scenario() {
    }

    /**
     * Returns the code to present.
     *
     * @param kind {@code "right"}: the code of the current step; {@code "wrong"}: a code that
     *     matches no step within {@link #MAX_WINDOW} steps, so every implementation checks its
     *     whole window
     * @return six digits
     */
    static String code(String kind) {
        switch (kind) {
            case "right":
                return TOTP.generate(OtpSecret.fromBytes(SECRET), TIME);
            case "wrong":
                return wrongCode();
            default:
                throw new IllegalArgumentException("code must be right or wrong, was " + kind);
        }
    }

    /** Starts far from 000000, which googleauth refuses before computing anything. */
    private static String wrongCode() {
        OtpSecret secret = OtpSecret.fromBytes(SECRET);
        for (int candidate = 500_000; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!inWindow(secret, code)) {
                return code;
            }
        }
    }

    private static boolean inWindow(OtpSecret secret, String code) {
        for (long step = STEP - MAX_WINDOW; step <= STEP + MAX_WINDOW; step++) {
            if (TOTP.generateForStep(secret, step).equals(code)) {
                return true;
            }
        }
        return false;
    }
}
