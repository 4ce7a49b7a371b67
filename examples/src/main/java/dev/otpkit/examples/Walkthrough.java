package dev.otpkit.examples;

import dev.otpkit.backup.BackupCodeSet;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.IssuedCode;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import dev.otpkit.qr.QrCode;
import java.time.Clock;

/**
 * The life of one account, step by step, as an application using otpkit lives it: enrolment
 * with a QR code, a sign-in with a TOTP code, a sign-in with a backup code when the phone is
 * lost, and a code sent by email to confirm a sensitive action. Each step is one method that
 * prints what happens and throws if otpkit does not behave as documented, so the process exits
 * non-zero and CI fails. Nothing printed is a secret or a code.
 *
 * <p>The phone and the mailbox are simulated: the phone computes its code with the same
 * parameters the server uses, and the "email" is the code returned by the issuing call.
 */
public final class Walkthrough {
    private static final String ISSUER = "Example";
    private static final String ACCOUNT = "alice@example.com";
    private static final String EMAIL_SCOPE = "change-email";

    /** Server-side settings, built once and shared by all steps as an application would. */
    private final Clock clock = Clock.systemUTC();
    private final Totp totp = Totp.builder().build();
    private final TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).build();
    private final BackupCodes backupCodes = BackupCodes.builder().build();
    private final OneTimeCodes emailCodes = OneTimeCodes.builder().clock(clock).build();

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
        walkthrough.signInWithBackupCode();
        walkthrough.confirmWithEmailCode();
        System.out.println("walkthrough complete");
    }

    /**
     * Enrolment: the server makes a fresh secret for the account and shows it once as a QR code
     * of its {@code otpauth://} URI, for the user to scan with an authenticator app. The
     * application stores the secret (sealed) with the account; it never logs it.
     */
    OtpSecret enrol() {
        OtpSecret secret = OtpSecret.generate();
        OtpAuthUri uri = OtpAuthUri.builder()
                .secret(secret).issuer(ISSUER).account(ACCOUNT).parameters(totp).build();
        QrCode qr = QrCode.from(uri);
        byte[] png = qr.png();

        // What the app scans must give it back the same secret and parameters.
        OtpAuthUri scanned = OtpAuthUri.parse(uri.toUriString());
        check(scanned.secret().equals(secret) && scanned.totp().digits() == totp.digits(),
                "the scanned URI gives back the secret and the parameters");
        System.out.printf("enrol %s: %s, QR code of %dx%d modules, PNG of %d bytes%n",
                ACCOUNT, secret, qr.symbolSize(), qr.symbolSize(), png.length);
        return secret;
    }

    /**
     * Sign-in: the user types the code the phone shows. It is accepted once; the same code
     * again is a replay; a wrong code is refused, and text that is not a code is an outcome
     * too, never an exception.
     */
    void signInWithTotp(OtpSecret secret) {
        String phoneCode = totp.generate(secret, clock.instant());

        Verification accepted = verifier.verify(ACCOUNT, secret, phoneCode);
        expect(accepted.status(), Verification.Status.VALID, "the phone's code");
        expect(verifier.verify(ACCOUNT, secret, phoneCode).status(), Verification.Status.REPLAYED,
                "the same code again");
        expect(verifier.verify(ACCOUNT, secret, otherCode(phoneCode)).status(),
                Verification.Status.INVALID, "a wrong code");
        expect(verifier.verify(ACCOUNT, secret, "12345x").status(), Verification.Status.MALFORMED,
                "not a code");
        System.out.printf("sign in with the phone's code: VALID (drift %d steps); again: REPLAYED;"
                + " a wrong code: INVALID; \"12345x\": MALFORMED%n", accepted.drift());
    }

    /**
     * Recovery: at enrolment the user was shown backup codes once; only their Argon2id hashes
     * are stored. With the phone lost, one code signs in, and is used up.
     */
    void signInWithBackupCode() {
        BackupCodeSet set = backupCodes.generate(ACCOUNT);
        String kept = set.codes().get(0);

        expect(backupCodes.verify(ACCOUNT, kept).status(), Verification.Status.VALID,
                "a backup code");
        expect(backupCodes.verify(ACCOUNT, kept).status(), Verification.Status.INVALID,
                "the same backup code again");
        System.out.printf("sign in with 1 of %d backup codes: VALID; again: INVALID; %d left%n",
                set.codes().size(), backupCodes.remaining(ACCOUNT));
    }

    /**
     * Confirmation by email: before changing the account's email address, the application sends
     * a short-lived code to the current one. The code works once, for that action only.
     */
    void confirmWithEmailCode() {
        IssuedCode issued = emailCodes.issue(ACCOUNT, EMAIL_SCOPE);
        String mailed = issued.code();

        expect(emailCodes.verify(ACCOUNT, "another-action", mailed).status(),
                Verification.Status.EXPIRED, "the code for another action");
        expect(emailCodes.verify(ACCOUNT, EMAIL_SCOPE, mailed).status(), Verification.Status.VALID,
                "the emailed code");
        expect(emailCodes.verify(ACCOUNT, EMAIL_SCOPE, mailed).status(),
                Verification.Status.EXPIRED, "the emailed code again");
        System.out.printf("confirm with the emailed code (valid until %s): for another action"
                + " EXPIRED; for this one VALID; again: EXPIRED%n", issued.expiresAt());
    }

    /** A code of the same length that differs from {@code code} in its last digit. */
    private static String otherCode(String code) {
        int last = code.length() - 1;
        char changed = (char) ('0' + (code.charAt(last) - '0' + 1) % 10);
        return code.substring(0, last) + changed;
    }

    private static void expect(Verification.Status actual, Verification.Status expected, String input) {
        check(actual == expected, "verifying " + input + " gave " + actual + ", expected " + expected);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("not as documented: " + what);
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
