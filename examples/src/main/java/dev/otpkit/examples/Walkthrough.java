package dev.otpkit.examples;

import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import java.time.Clock;

/**
 * The life of one account, step by step, as an application using otpkit lives it: enrolment,
 * then a sign-in with a TOTP code. Each step is one method that prints what happens and throws
 * if otpkit does not behave as documented, so the process exits non-zero and CI fails.
 *
 * <p>The phone is simulated: it computes its code with the same parameters the server uses.
 */
public final class Walkthrough {
    private static final String ACCOUNT = "alice@example.com";

    /** Server-side settings: RFC 6238 defaults (SHA-1, 6 digits, 30 s), shared by all steps. */
    private final Totp totp = Totp.builder().build();
    private final Clock clock = Clock.systemUTC();

    private Walkthrough() {
    }

    /**
     * Runs every step in order.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        requireModulePath();
        Walkthrough walkthrough = new Walkthrough();
        OtpSecret secret = walkthrough.enrol();
        walkthrough.signInWithTotp(secret);
        System.out.println("walkthrough complete");
    }

    /**
     * Enrolment: the server makes a fresh secret for the account and shows it once, for the
     * user to type into an authenticator app. The application stores the secret (sealed) with
     * the account; it never logs it.
     */
    OtpSecret enrol() {
        OtpSecret secret = OtpSecret.generate();
        System.out.printf("enrol %s: %s, shown once to the user as %d Base32 characters%n",
                ACCOUNT, secret, secret.toBase32().length());
        return secret;
    }

    /**
     * Sign-in: the user types the code the phone shows. A correct code passes, a wrong one is
     * refused, and text that is not a code is an outcome too, never an exception.
     */
    void signInWithTotp(OtpSecret secret) {
        TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).build();
        String phoneCode = totp.generate(secret, clock.instant());

        Verification accepted = verifier.verify(secret, phoneCode);
        expect(accepted, Verification.Status.VALID, "the phone's code");
        System.out.printf("sign in with the phone's code: %s, drift %d steps%n",
                accepted.status(), accepted.drift());

        expect(verifier.verify(secret, otherCode(phoneCode)), Verification.Status.INVALID,
                "a wrong code");
        expect(verifier.verify(secret, "12345x"), Verification.Status.MALFORMED, "not a code");
        System.out.println("sign in with a wrong code: INVALID; with \"12345x\": MALFORMED");
    }

    /** A code of the same length that differs from {@code code} in its last digit. */
    private static String otherCode(String code) {
        int last = code.length() - 1;
        char changed = (char) ('0' + (code.charAt(last) - '0' + 1) % 10);
        return code.substring(0, last) + changed;
    }

    private static void expect(Verification outcome, Verification.Status expected, String input) {
        if (outcome.status() != expected) {
            throw new IllegalStateException(
                    "verifying " + input + " gave " + outcome.status() + ", expected " + expected);
        }
    }

    /**
     * Fails unless both this application and otpkit run as named modules: the walkthrough exists
     * to prove the published jars work on the module path, not merely on the class path.
     */
    private static void requireModulePath() {
        Module self = Walkthrough.class.getModule();
        Module core = OtpSecret.class.getModule();
        if (!self.isNamed() || !"dev.otpkit.core".equals(core.getName())) {
            throw new IllegalStateException("run on the module path: this module is "
                    + self + ", otpkit core is " + core);
        }
        System.out.printf("running on the module path: %s uses %s%n", self.getName(), core.getName());
    }
}
