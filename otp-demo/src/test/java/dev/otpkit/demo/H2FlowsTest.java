package dev.otpkit.demo;

import static dev.otpkit.demo.Visitor.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.demo.login.Texts;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every flow of FLOWS.md on the default database: H2 in a file of a fresh data directory. */
class H2FlowsTest extends DemoFlows {
    @Test
    void signsUpAndSendsTheFirstSignInToEnrolment() throws Exception {
        Visitor visitor = visitor();
        String username = signUp(visitor);
        assertThat(text(visitor.page("/login?registered"), "login-info"))
                .isEqualTo("Your account is ready. Sign in with your username and password.");

        assertThat(password(visitor, username)).isEqualTo("/login/totp/enroll");
        String page = visitor.page("/login/totp/enroll");
        assertThat(page).contains("id=\"qr-code\"").contains("src=\"data:image/png;base64,")
                .contains("autocomplete=\"one-time-code\"");
        assertThat(text(page, "manual-key")).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        assertThat(visitor.get("/login/totp").getRedirectedUrl()).isEqualTo("/login/totp/enroll");
    }

    @Test
    void refusesATakenUsernameAndAShortPasswordWithTheirMessages() throws Exception {
        Visitor visitor = visitor();
        String username = signUp(visitor);
        String taken = visitor.post("/signup", "username", username.toUpperCase(Locale.ROOT), "email",
                "x@example.test", "phone", PHONE, "password", PASSWORD).getContentAsString();
        assertThat(text(taken, "signup-error")).isEqualTo("That username is taken.");
        String shortPassword = visitor.post("/signup", "username", newUsername(), "email", "x@example.test",
                "phone", PHONE, "password", "too short").getContentAsString();
        assertThat(text(shortPassword, "signup-error")).isEqualTo("Choose a password of 12 to 128 characters.");
        assertThat(shortPassword).doesNotContain("too short");
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        Visitor visitor = visitor();
        String username = signUp(visitor);
        assertThat(visitor.postAndFollow("/login", "username", username, "password", "wrong password!"))
                .isEqualTo("/login?error");
        assertThat(text(visitor.page("/login?error"), "login-error")).isEqualTo("Wrong username or password.");
    }

    @Test
    void enrolmentShowsTheBackupCodesOnceWithTheirDownload() throws Exception {
        Visitor visitor = visitor();
        String username = signUp(visitor);
        password(visitor, username);
        OtpSecret secret = secretOf(visitor.page("/login/totp/enroll"));
        assertThat(visitor.postAndFollow("/login/totp/enroll", "code", "000000")).isEqualTo("/login/totp/enroll?error=invalid");
        assertThat(text(visitor.page("/login/totp/enroll?error=invalid"), "enroll-error"))
                .isEqualTo("That code is wrong. Check that your app shows the account you just added, and try again.");

        assertThat(visitor.postAndFollow("/login/totp/enroll", "code", code(secret))).isEqualTo("/account/backup-codes");
        List<String> codes = backupCodesOf(visitor.page("/account/backup-codes"));
        assertThat(codes).hasSize(10).allMatch(c -> c.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"));
        MockHttpServletResponse download = visitor.get("/account/backup-codes/download");
        assertThat(download.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(download.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"otp-demo-backup-codes.txt\"");
        assertThat(download.getContentAsString()).isEqualTo("otpkit demo backup codes for " + username + "\n\n"
                + String.join("\n", codes) + "\n");

        assertThat(visitor.postAndFollow("/account/backup-codes/done")).isEqualTo("/account");
        String after = visitor.page("/account/backup-codes");
        assertThat(backupCodesOf(after)).isEmpty();
        assertThat(text(after, "backup-codes-gone")).isEqualTo("Backup codes are shown only once. If you lost them,"
                + " make new ones on the account security page.");
        assertThat(visitor.get("/account/backup-codes/download").getStatus()).isEqualTo(404);
    }

    @Test
    void signsInWithPasswordThenTotpAndRefusesWrongAndReplayedCodes() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        assertThat(visitor.postAndFollow("/login/totp", "code", wrong(code(account.secret()))))
                .isEqualTo("/login/totp?error=invalid");
        assertThat(text(visitor.page("/login/totp?error=invalid"), "code-error"))
                .isEqualTo("That code is wrong. Check your authenticator app and try again.");
        String code = code(account.secret());
        assertThat(visitor.postAndFollow("/login/totp", "code", code)).isEqualTo("/account");
        assertThat(text(visitor.page("/account"), "account-username")).isEqualTo(account.username());

        Visitor thief = againWithPassword(account);
        assertThat(thief.postAndFollow("/login/totp", "code", code)).isEqualTo("/login/totp?error=replayed");
        assertThat(text(thief.page("/login/totp?error=replayed"), "code-error"))
                .isEqualTo("That code was already used. Wait for the next code and try again.");
        assertThat(thief.get("/account").getRedirectedUrl()).isEqualTo("/login/totp");
    }

    @Test
    void locksTheAccountAfterFiveWrongCodesAndSaysUntilWhen() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        for (int i = 0; i < 5; i++) {
            assertThat(visitor.postAndFollow("/login/totp", "code", wrong(code(account.secret()))))
                    .isEqualTo("/login/totp?error=invalid");
        }
        String locked = visitor.postAndFollow("/login/totp", "code", code(account.secret()));
        long until = clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();
        assertThat(locked).isEqualTo("/login/totp?error=locked&until=" + until);
        assertThat(text(visitor.page(locked), "code-error"))
                .isEqualTo("Too many wrong codes. Sign-in with this account is locked until "
                        + Texts.TIME.format(Instant.ofEpochSecond(until)) + ".");

        clock.advance(Duration.ofMinutes(16));
        assertThat(visitor.postAndFollow("/login/totp", "code", code(account.secret()))).isEqualTo("/account");
        String security = visitor.page("/account/security");
        assertThat(security).contains("data-kind=\"ACCOUNT_LOCKED\"").contains("data-kind=\"SECOND_FACTOR_FAILED\"")
                .contains("Sign-in with codes was locked until " + Texts.DATE_TIME.format(Instant.ofEpochSecond(until)) + ".");
    }

    @Test
    void signsInOnceWithEachBackupCode() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        String backupCode = account.backupCodes().get(3);
        assertThat(visitor.postAndFollow("/login/totp", "backup_code", backupCode.toLowerCase(Locale.ROOT)))
                .isEqualTo("/account");
        String security = visitor.page("/account/security");
        assertThat(text(security, "backup-codes-left")).isEqualTo("9 backup codes left.");
        assertThat(security).contains("A backup code was used; 9 left.");

        Visitor again = againWithPassword(account);
        assertThat(again.postAndFollow("/login/totp", "backup_code", backupCode))
                .isEqualTo("/login/totp?error=backup_invalid");
        assertThat(text(again.page("/login/totp?error=backup_invalid"), "code-error"))
                .isEqualTo("That backup code is wrong or was already used.");
    }

    @Test
    void signsInWithTheNewestEmailCodeOnlyAndNotAfterItExpires() throws Exception {
        Enrolled account = enrolled(visitor());
        String address = account.username() + "@example.test";
        Visitor visitor = againWithPassword(account);
        assertThat(visitor.postAndFollow("/login/email-code/send")).isEqualTo("/login/email-code?sent");
        assertThat(text(visitor.page("/login/email-code?sent"), "email-sent"))
                .isEqualTo("We sent a code to your email address. It expires in 10 minutes.");
        String older = newestMailedCode(address);
        visitor.post("/login/email-code/send");
        String newer = newestMailedCode(address);
        if (!older.equals(newer)) {
            assertThat(visitor.postAndFollow("/login/email-code", "code", older))
                    .isEqualTo("/login/email-code?error=invalid");
        }
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(visitor.postAndFollow("/login/email-code", "code", newer)).isEqualTo("/login/email-code?error=expired");
        assertThat(text(visitor.page("/login/email-code?error=expired"), "code-error"))
                .isEqualTo("That code has expired or was replaced by a newer one. Send yourself a new code.");

        visitor.post("/login/email-code/send");
        assertThat(visitor.postAndFollow("/login/email-code", "code", newestMailedCode(address))).isEqualTo("/account");
        MimeMessage mail = greenMail.getReceivedMessagesForDomain(address)[2];
        assertThat(mail.getSubject()).isEqualTo("Your otpkit demo sign-in code");
        assertThat(GreenMailUtil.getBody(mail).replace("\r\n", "\n")).matches("Your sign-in code is \\d{6}\\.\n"
                + "It expires at \\d\\d:\\d\\d:\\d\\d UTC\\.\nIf you did not try to sign in, change your password\\.\n?");
    }

    @Test
    void changesTheEmailOnlyWithTheCodeSentForThatChange() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        visitor.post("/login/email-code/send");
        String loginCode = newestMailedCode(account.username() + "@example.test");
        assertThat(visitor.postAndFollow("/login/totp", "code", code(account.secret()))).isEqualTo("/account");

        assertThat(visitor.postAndFollow("/account/email", "code", "123456")).isEqualTo("/account/email?error=no_code");
        assertThat(visitor.postAndFollow("/account/email/code", "new_email", "new@example.test"))
                .isEqualTo("/account/email?sent");
        assertThat(text(visitor.page("/account/email?sent"), "sms-sent")).isEqualTo("We sent a code by SMS to your"
                + " phone ending in 23. It confirms the change to new@example.test and expires in 10 minutes.");
        assertThat(phone.messages().get(0).to()).isEqualTo(PHONE);
        String smsCode = newestSmsCode();

        assertThat(visitor.postAndFollow("/account/email", "code", loginCode)).isEqualTo("/account/email?error=other_action");
        assertThat(text(visitor.page("/account/email?error=other_action"), "change-email-error"))
                .isEqualTo("That code was sent for another action (signing in), not for changing your email address."
                        + " Use the code from the SMS.");
        assertThat(visitor.postAndFollow("/account/email", "code", smsCode)).isEqualTo("/account?email-changed");
        String accountPage = visitor.page("/account?email-changed");
        assertThat(text(accountPage, "account-email")).isEqualTo("new@example.test");
        assertThat(text(accountPage, "account-info")).isEqualTo("Your email address is now new@example.test.");
        assertThat(visitor.page("/account/security")).contains("data-kind=\"EMAIL_CHANGED\"");
    }

    @Test
    void saysTheAccountIsLockedAfterWrongChangeOfEmailCodes() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        assertThat(visitor.postAndFollow("/login/totp", "code", code(account.secret()))).isEqualTo("/account");
        visitor.post("/account/email/code", "new_email", "locked@example.test");
        String smsCode = newestSmsCode();
        String wrong = smsCode.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(visitor.postAndFollow("/account/email", "code", wrong)).isEqualTo("/account/email?error=invalid");
        }

        String locked = visitor.postAndFollow("/account/email", "code", smsCode);
        assertThat(locked).startsWith("/account/email?error=locked&until=");
        assertThat(text(visitor.page(locked), "change-email-error"))
                .matches("Too many wrong codes\\. Sign-in with this account is locked until \\d\\d:\\d\\d:\\d\\d UTC\\.");
    }

    @Test
    void refusesAChangeOfEmailCodeAtSignIn() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor signedIn = againWithPassword(account);
        signedIn.post("/login/totp", "code", code(account.secret()));
        signedIn.post("/account/email/code", "new_email", "other@example.test");
        String smsCode = newestSmsCode();

        Visitor visitor = againWithPassword(account);
        assertThat(visitor.postAndFollow("/login/email-code", "code", smsCode))
                .isEqualTo("/login/email-code?error=other_action");
        assertThat(text(visitor.page("/login/email-code?error=other_action"), "code-error")).isEqualTo("That code was"
                + " sent for another action, not for signing in. Use the code from the sign-in email.");
        assertThat(visitor.get("/account").getRedirectedUrl()).isEqualTo("/login/totp");
    }

    @Test
    void sendsAnonymousVisitorsOfAccountSecurityToSignIn() throws Exception {
        MockHttpServletResponse response = visitor().get("/account/security");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void accountSecurityListsEventsAndReEnrolmentReplacesTheAuthenticator() throws Exception {
        Visitor visitor = visitor();
        Enrolled account = enrolled(visitor);
        String security = visitor.page("/account/security");
        assertThat(security).contains("data-kind=\"CREDENTIAL_ENROLLED\"");
        assertThat(text(security, "backup-codes-left")).isEqualTo("10 backup codes left.");

        String reEnrol = visitor.page("/login/totp/enroll");
        assertThat(text(reEnrol, "enroll-info"))
                .isEqualTo("Your current authenticator keeps working until the new one is confirmed.");
        OtpSecret replacement = secretOf(reEnrol);
        assertThat(visitor.postAndFollow("/login/totp/enroll", "code", code(replacement))).isEqualTo("/account/backup-codes");
        clock.advance(Duration.ofSeconds(30));

        assertThat(againWithPassword(account).postAndFollow("/login/totp", "code", code(account.secret())))
                .isEqualTo("/login/totp?error=invalid");
        assertThat(againWithPassword(account).postAndFollow("/login/totp", "code", code(replacement)))
                .isEqualTo("/account");
    }

    @Test
    void refusesReEnrolmentWithThePasswordAlone() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        assertThat(visitor.get("/login/totp/enroll").getRedirectedUrl()).isEqualTo("/login/totp");
    }


    @Test
    void devPagesShowMailAndSmsNewestFirstWithTheirNotice() throws Exception {
        Enrolled account = enrolled(visitor());
        Visitor visitor = againWithPassword(account);
        visitor.post("/login/email-code/send");
        visitor.post("/login/email-code/send");
        String mailbox = visitor().page("/dev/mailbox");
        assertThat(text(mailbox, "dev-notice")).startsWith("Development stand-in: this page shows every message");
        String newest = newestMailedCode(account.username() + "@example.test");
        assertThat(mailbox.indexOf("sign-in code is " + newest)).isNotNegative()
                .isLessThan(mailbox.lastIndexOf("sign-in code is "));

        String phonePage = visitor().page("/dev/phone");
        assertThat(text(phonePage, "dev-notice")).startsWith("Development stand-in: this page shows every SMS");
    }
}
