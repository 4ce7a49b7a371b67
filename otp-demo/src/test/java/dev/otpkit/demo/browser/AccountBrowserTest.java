package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.OtpAuthUri;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The account security page, re-enrolment, and changing the email address with an SMS code. */
class AccountBrowserTest extends DemoBrowserTest {
    private static final Pattern SMS = Pattern.compile(
            "otpkit demo: (\\d{6}) is your code to change your email address to (\\S+)\\. It expires at (\\d\\d:\\d\\d:\\d\\d) UTC\\.");

    @Test
    void sendsAnonymousVisitorsOfTheSecurityPageToSignIn() {
        open("/account/security");
        assertOnPage("/login", "Sign in");
        assertAbsent("security-events");
    }

    @Test
    void listsTheEnrolmentThenReplacesTheAuthenticatorOnlyOnceTheNewOneIsConfirmed() {
        Enrolled enrolled = enrolledAccount();
        signInWithTotp(enrolled);
        press("link-security");
        assertOnPage("/account/security", "Account security");
        assertEquals("10 backup codes left.", text("backup-codes-left"));
        assertEquals(List.of(new Event("CREDENTIAL_ENROLLED", DATE_TIME.format(enrolled.enrolledAt()) + " UTC",
                "A new authenticator app was set up.")), securityEvents());
        press("reenroll");
        assertOnPage("/login/totp/enroll", "Set up your authenticator app");
        assertStatus("enroll-info", "Your current authenticator keeps working until the new one is confirmed.");
        OtpAuthUri newApp = scanQrCode();
        assertNotEquals(enrolled.app().secret().toBase32(), newApp.secret().toBase32());

        // Not confirmed yet: the old app still signs in.
        signOut();
        signInWithTotp(enrolled);

        open("/login/totp/enroll");
        assertOnPage("/login/totp/enroll", "Set up your authenticator app");
        assertEquals(newApp, scanQrCode(), "the set-up started earlier is not the one shown");
        nextStep();
        type("enroll-code", code(newApp));
        press("enroll-submit");
        assertOnPage("/account/backup-codes", "Your backup codes");
        List<String> newBackupCodes = readBackupCodes();
        dismissBackupCodes();
        signOut();

        nextStep();
        signInToTheCodePage(enrolled.account());
        enterTotp(code(enrolled.app()));
        assertOnPage("/login/totp", "error=invalid", "Enter your code");
        type("backup-code", enrolled.backupCodes().get(0));
        press("backup-submit");
        assertOnPage("/login/totp", "error=backup_invalid", "Enter your code");
        enterTotp(code(newApp));
        assertOnPage("/account", "Your account");
        press("link-security");
        assertOnPage("/account/security", "Account security");
        assertEquals(newBackupCodes.size() + " backup codes left.", text("backup-codes-left"));
    }

    @Test
    void changesTheEmailWithTheSmsCodeAndRefusesASignInCodeThere() throws Exception {
        Enrolled enrolled = enrolledAccount();
        Account account = enrolled.account();
        nextStep();
        signInToTheCodePage(account);
        press("link-email-code");
        assertOnPage("/login/email-code", "Sign in with an email code");
        press("email-send");
        assertOnPage("/login/email-code", "sent", "Sign in with an email code");
        String signInCode = mailedCode(account, 1);
        // Signs in with the authenticator instead: the emailed code stays unused.
        open("/login/totp");
        assertOnPage("/login/totp", "Enter your code");
        enterTotp(code(enrolled.app()));
        assertOnPage("/account", "Your account");

        press("link-change-email");
        assertOnPage("/account/email", "Change your email address");
        assertEquals(account.email(), text("current-email"));
        assertAbsent("email-confirm-form");
        String newEmail = "new-" + account.email();
        type("new-email", newEmail);
        press("sms-send");
        assertOnPage("/account/email", "sent", "Change your email address");
        assertStatus("sms-sent", "We sent a code by SMS to your phone ending in "
                + account.phone().substring(account.phone().length() - 2) + ". It confirms the change to " + newEmail
                + " and expires in 10 minutes.");
        String smsCode = readSmsOnThePhonePage(account, newEmail);

        open("/account/email?sent");
        assertOnPage("/account/email", "sent", "Change your email address");
        type("change-code", signInCode);
        press("change-email-submit");
        assertOnPage("/account/email", "error=other_action", "Change your email address");
        assertAlert("change-email-error", "That code was sent for another action (signing in), not for changing"
                + " your email address. Use the code from the SMS.");
        assertEquals(account.email(), text("current-email"));

        type("change-code", smsCode);
        press("change-email-submit");
        assertOnPage("/account", "Your account");
        assertStatus("account-info", "Your email address is now " + newEmail + ".");
        assertEquals(newEmail, text("account-email"));
        press("link-security");
        assertOnPage("/account/security", "Account security");
        assertEquals("EMAIL_CHANGED", securityEvents().get(0).kind());
        assertEquals("The email address was changed.", securityEvents().get(0).text());
    }

    @Test
    void refusesAChangeOfEmailCodeAtSignIn() {
        Enrolled enrolled = enrolledAccount();
        Account account = enrolled.account();
        signInWithTotp(enrolled);
        press("link-change-email");
        assertOnPage("/account/email", "Change your email address");
        String newEmail = "other-" + account.email();
        type("new-email", newEmail);
        press("sms-send");
        assertOnPage("/account/email", "sent", "Change your email address");
        String smsCode = readSmsOnThePhonePage(account, newEmail);
        signOut();

        signInToTheCodePage(account);
        press("link-email-code");
        assertOnPage("/login/email-code", "Sign in with an email code");
        type("email-code", smsCode);
        press("email-code-submit");
        assertOnPage("/login/email-code", "error=other_action", "Sign in with an email code");
        assertAlert("code-error",
                "That code was sent for another action, not for signing in. Use the code from the sign-in email.");
    }

    /** Reads the newest SMS to the account's phone on the development phone page. */
    private String readSmsOnThePhonePage(Account account, String newEmail) {
        open("/dev/phone");
        assertOnPage("/dev/phone", "Development phone");
        WebElement newest = browser.driver().findElements(By.cssSelector("article.sms")).get(0);
        assertEquals(account.phone(), newest.findElement(By.className("sms-to")).getText());
        Matcher sms = SMS.matcher(newest.findElement(By.className("sms-body")).getText());
        assertTrue(sms.matches(), "the newest SMS is not a change-email code");
        assertEquals(newEmail, sms.group(2));
        assertEquals(TIME.format(clock.instant().plusSeconds(600)), sms.group(3));
        return sms.group(1);
    }
}
