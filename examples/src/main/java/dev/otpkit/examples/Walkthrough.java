package dev.otpkit.examples;

import dev.otpkit.backup.BackupCodeSet;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.EnrollmentConfirmation;
import dev.otpkit.core.Enrollments;
import dev.otpkit.core.IssuedCode;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.SecretSealer;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpCredential;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.UnsealException;
import dev.otpkit.core.Verification;
import dev.otpkit.qr.QrCode;
import java.time.Clock;

/**
 * The life of one account, step by step, as an application using otpkit lives it: enrolment
 * with a QR code confirmed by the first code of the user's app (and backup codes shown once), a
 * sign-in with a TOTP code, a sign-in with a backup code when the phone is lost, and a code sent
 * by email to confirm a sensitive action. Every step runs after the password check, which is
 * the application's own. Each step is one method that
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
    /** One limiter for every second factor, so guesses at any of them draw on one budget. */
    private final AttemptLimiter limiter = AttemptLimiter.inMemory();
    private final TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).attemptLimiter(limiter).build();
    private final Enrollments enrollments = Enrollments.builder(verifier).build();
    private final BackupCodes backupCodes = BackupCodes.builder().attemptLimiter(limiter).build();
    private final OneTimeCodes emailCodes = OneTimeCodes.builder().clock(clock).build();
    private final SecretSealer sealer = SecretSealer.builder().key("2026-11", SecretSealer.generateKey()).build();

    private Walkthrough() {
    }

    /**
     * Runs every step in order.
     *
     * @param args ignored
     */
    public static void main(String[] args) throws UnsealException {
        requireModulePath();
        Walkthrough walkthrough = new Walkthrough();
        StoredCredential stored = walkthrough.enrol();
        walkthrough.signInWithTotp(TotpCredential.restore(stored.id(), ACCOUNT,
                walkthrough.sealer.unseal(stored.sealedSecret(), ACCOUNT), walkthrough.totp, stored.confirmedStep()));
        walkthrough.signInWithBackupCode();
        walkthrough.confirmWithEmailCode();
        System.out.println("walkthrough complete");
    }

    /**
     * Enrolment: the server starts a pending enrolment (a fresh secret, shown once as a QR code
     * of its {@code otpauth://} URI), and activates it only when the user types the first code
     * their app shows. Then it shows the backup codes, once. The application stores the secret
     * sealed; it never logs it.
     *
     * @return the active credential, as the application would store it
     */
    StoredCredential enrol() {
        PendingEnrollment pending = enrollments.start(ACCOUNT, ISSUER, ACCOUNT);
        OtpAuthUri uri = pending.uri();
        QrCode qr = QrCode.from(uri);
        byte[] png = qr.png();

        // The phone scans the URI and shows its first code.
        OtpAuthUri scanned = OtpAuthUri.parse(uri.toUriString());
        check(scanned.equals(uri), "the scanned URI gives back the secret and the parameters");
        check(scanned.totp().equals(totp), "the phone computes its codes with the server's parameters");
        String firstCode = scanned.totp().generate(scanned.secret(), clock.instant());

        expect(enrollments.confirm(pending, otherCode(firstCode)).status(), Verification.Status.INVALID,
                "a mistyped first code");
        EnrollmentConfirmation confirmation = enrollments.confirm(pending, firstCode);
        check(confirmation.isValid(), "the first code confirms the enrolment, was " + confirmation);
        TotpCredential credential = confirmation.credential().orElseThrow();
        BackupCodeSet backupSet = backupCodes.generate(ACCOUNT);
        System.out.printf("enrol %s: %s, QR code of %dx%d modules, PNG of %d bytes, expires %s;"
                + " a mistyped first code: INVALID; the right one: VALID; %d backup codes shown once%n",
                ACCOUNT, credential.secret(), qr.symbolSize(), qr.symbolSize(), png.length,
                pending.expiresAt(), backupSet.codes().size());
        return new StoredCredential(credential.id(), sealer.seal(credential.secret(), ACCOUNT),
                credential.confirmedStep());
    }

    /**
     * What the application stores of an active credential.
     *
     * @param id the credential's id
     * @param sealedSecret the secret, sealed
     * @param confirmedStep the time step whose code confirmed the enrolment
     */
    record StoredCredential(String id, String sealedSecret, long confirmedStep) {
    }

    /**
     * Sign-in: the user types the code the phone shows. The code that confirmed the enrolment is
     * a replay; the phone's next code (the step after the confirmed one, inside the window) is
     * accepted once; the same code again is a replay; a wrong code is refused, and text that is
     * not a code is an outcome too, never an exception.
     *
     * <p>The phone's codes are computed for the confirmed step and the one after it rather than
     * from the clock: hashing the backup codes takes about a second, and a 30-second step
     * boundary may fall between the confirmation and this sign-in, so "the code the phone shows
     * now" could be either.
     */
    void signInWithTotp(TotpCredential credential) {
        OtpSecret secret = credential.secret();
        long confirmedStep = credential.confirmedStep();
        expect(verifier.verify(credential, totp.generateForStep(secret, confirmedStep)).status(),
                Verification.Status.REPLAYED, "the code that confirmed the enrolment");
        String phoneCode = totp.generateForStep(secret, confirmedStep + 1);

        Verification accepted = verifier.verify(credential, phoneCode);
        expect(accepted.status(), Verification.Status.VALID, "the phone's code");
        expect(verifier.verify(credential, phoneCode).status(), Verification.Status.REPLAYED,
                "the same code again");
        expect(verifier.verify(credential, otherCode(phoneCode)).status(),
                Verification.Status.INVALID, "a wrong code");
        expect(verifier.verify(credential, "12345x").status(), Verification.Status.MALFORMED,
                "not a code");
        System.out.printf("sign in with the confirming code: REPLAYED; with the phone's next code: VALID"
                + " (drift %d steps); again: REPLAYED;"
                + " a wrong code: INVALID; \"12345x\": MALFORMED%n", accepted.match().orElseThrow().drift());
    }

    /**
     * Recovery: backup codes are shown once and only their Argon2id hashes are stored. With the
     * phone lost, one code signs in, and is used up. (A new set replaces the one shown at
     * enrolment, as "make new backup codes" in the account settings would.)
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

    private static void expect(Enum<?> actual, Enum<?> expected, String input) {
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
