package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.OtpAuthUri;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in with the password, enrolment, backup codes, sign-out and sign-in with TOTP. */
class SignInBrowserTest extends DemoBrowserTest {

    @Test
    void enrolsFromTheQrCodeOfAScreenshotShowsTheBackupCodesOnceThenSignsInWithTheApp() throws Exception {
        Account account = signUp();
        signInWithPassword(account);
        assertOnPage("/login/totp/enroll", "Set up your authenticator app");
        assertAbsent("enroll-info");
        OtpAuthUri app = scanQrCode();
        browser.driver().navigate().refresh();
        assertOnPage("/login/totp/enroll", "Set up your authenticator app");
        assertEquals(app, scanQrCode(), "a reload changed the QR code");

        type("enroll-code", wrongCode(app));
        press("enroll-submit");
        assertOnPage("/login/totp/enroll", "error=invalid", "Set up your authenticator app");
        assertAlert("enroll-error",
                "That code is wrong. Check that your app shows the account you just added, and try again.");
        assertEquals(app, scanQrCode(), "a wrong code changed the QR code");
        type("enroll-code", code(app));
        press("enroll-submit");
        assertOnPage("/account/backup-codes", "Your backup codes");
        List<String> backupCodes = readBackupCodes();
        assertDownloadHolds(account, backupCodes);
        dismissBackupCodes();
        assertEquals(account.username(), text("account-username"));
        assertEquals(account.email(), text("account-email"));

        open("/account/backup-codes");
        assertOnPage("/account/backup-codes", "Your backup codes");
        assertEquals("Backup codes are shown only once. If you lost them, make new ones on the account security page.",
                text("backup-codes-gone"));
        assertAbsent("backup-codes");
        assertEquals(404, statusOf("/account/backup-codes/download"));

        signOut();
        signInWithTotp(new Enrolled(account, app, backupCodes, clock.instant()));
        open("/");
        assertOnPage("/", "otpkit demo");
        press("link-account");
        assertOnPage("/account", "Your account");
    }

    @Test
    void refusesATakenUsernameABadPhoneNumberAShortPasswordAndAWrongPassword() {
        Account taken = signUp();
        open("/signup");
        assertOnPage("/signup", "Create an account");
        Account other = newAccount();
        fillSignUp(new Account(taken.username(), other.email(), other.phone(), other.password()));
        press("signup-submit");
        assertOnPage("/signup", "Create an account");
        assertAlert("signup-error", "That username is taken.");

        fillSignUp(new Account(other.username(), other.email(), "555-0100", other.password()));
        press("signup-submit");
        assertOnPage("/signup", "Create an account");
        assertAlert("signup-error", "Enter your mobile number as + and 8 to 15 digits, e.g. +15550100123.");

        fillSignUp(new Account(other.username(), other.email(), other.phone(), "too short"));
        assertBrowserRefuses("signup-submit", "password");

        open("/login");
        assertOnPage("/login", "Sign in");
        type("username", taken.username());
        type("password", taken.password() + "!");
        press("login-submit");
        assertOnPage("/login", "error", "Sign in");
        assertAlert("login-error", "Wrong username or password.");
    }

    @Test
    void fitsAPhoneScreenFromSignUpToTheCodePage() {
        browser.resize(HeadlessChromium.PHONE);
        Account account = newAccount();
        open("/signup");
        assertOnPage("/signup", "Create an account");
        assertFitsAPhone("username", "email", "phone", "password", "signup-submit");
        fillSignUp(account);
        press("signup-submit");
        assertOnPage("/login", "registered", "Sign in");
        assertFitsAPhone("login-info", "username", "password", "login-submit");
        type("username", account.username());
        type("password", account.password());
        press("login-submit");
        assertOnPage("/login/totp/enroll", "Set up your authenticator app");
        assertFitsAPhone("qr-code", "manual-key", "enroll-code", "enroll-submit");
        OtpAuthUri app = scanQrCode();
        type("enroll-code", code(app));
        press("enroll-submit");
        assertOnPage("/account/backup-codes", "Your backup codes");
        assertFitsAPhone("backup-codes", "backup-codes-download", "backup-codes-done");
        dismissBackupCodes();
        assertFitsAPhone("account-username", "link-security", "logout-submit");
        signOut();
        nextStep();
        type("username", account.username());
        type("password", account.password());
        press("login-submit");
        assertOnPage("/login/totp", "Enter your code");
        assertFitsAPhone("code", "code-submit", "backup-code", "backup-submit", "link-email-code");
    }
}
