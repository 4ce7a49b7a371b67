package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second step of signing in: wrong, replayed and locked-out codes, and backup codes. */
class SecondFactorBrowserTest extends DemoBrowserTest {
    private static final String WRONG =
            "That code is wrong. Check your authenticator app and try again.";

    @Test
    void refusesAWrongCodeAndSomethingThatIsNoCodeThenAcceptsTheRightOne() {
        Enrolled enrolled = enrolledAccount();
        nextStep();
        signInToTheCodePage(enrolled.account());
        enterTotp(wrongCode(enrolled.app()));
        assertOnPage("/login/totp", "error=invalid", "Enter your code");
        assertAlert("code-error", WRONG);
        enterTotp("12ab");
        assertOnPage("/login/totp", "error=malformed", "Enter your code");
        assertAlert("code-error",
                "That is not a code. Enter the 6 digits your app shows, or a backup code in its own field.");
        enterTotp(code(enrolled.app()));
        assertOnPage("/account", "Your account");
    }

    @Test
    void refusesTheCodeThatConfirmedTheEnrolmentAndAUsedCodeAtTheSameTime() {
        Enrolled enrolled = enrolledAccount();
        // The clock has not moved since the enrolment: the app still shows the confirming code.
        signInToTheCodePage(enrolled.account());
        enterTotp(code(enrolled.app()));
        assertOnPage("/login/totp", "error=replayed", "Enter your code");
        assertAlert("code-error", "That code was already used. Wait for the next code and try again.");

        nextStep();
        String used = code(enrolled.app());
        enterTotp(used);
        assertOnPage("/account", "Your account");
        signOut();
        signInToTheCodePage(enrolled.account());
        enterTotp(used);
        assertOnPage("/login/totp", "error=replayed", "Enter your code");
        assertAlert("code-error", "That code was already used. Wait for the next code and try again.");
    }

    @Test
    void locksAfterFiveWrongCodesRefusesTheRightCodeThenShowsTheLockOnTheSecurityPage() {
        Enrolled enrolled = enrolledAccount();
        nextStep();
        signInToTheCodePage(enrolled.account());
        for (int failure = 1; failure <= 5; failure++) {
            enterTotp(wrongCode(enrolled.app()));
            assertOnPage("/login/totp", "error=invalid", "Enter your code");
            assertAlert("code-error", WRONG);
        }
        Instant lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        enterTotp(code(enrolled.app()));
        assertOnPage("/login/totp", "error=locked", "Enter your code");
        assertAlert("code-error", "Too many wrong codes. Sign-in with this account is locked until "
                + TIME.format(lockedUntil) + " UTC.");

        clock.advance(Duration.ofMinutes(15).plusSeconds(30));
        enterTotp(code(enrolled.app()));
        assertOnPage("/account", "Your account");
        press("link-security");
        assertOnPage("/account/security", "Account security");
        List<Event> events = securityEvents();
        assertEquals(List.of(new Event("ACCOUNT_LOCKED", DATE_TIME.format(lockedUntil.minus(Duration.ofMinutes(15))) + " UTC",
                "Sign-in with codes was locked until " + DATE_TIME.format(lockedUntil) + " UTC.")),
                events.stream().filter(e -> e.kind().equals("ACCOUNT_LOCKED")).toList());
        assertEquals(5, events.stream().filter(e -> e.kind().equals("SECOND_FACTOR_FAILED")).count(), events::toString);
        events.stream().filter(e -> e.kind().equals("SECOND_FACTOR_FAILED"))
                .forEach(e -> assertEquals("A wrong code was entered.", e.text()));
    }

    @Test
    void signsInWithABackupCodeOnceAndCountsTheCodesLeft() {
        Enrolled enrolled = enrolledAccount();
        String backupCode = enrolled.backupCodes().get(3);
        signInWithBackupCode(enrolled.account(), backupCode);
        assertOnPage("/account", "Your account");
        press("link-security");
        assertOnPage("/account/security", "Account security");
        assertEquals("9 backup codes left.", text("backup-codes-left"));
        assertEquals("BACKUP_CODE_USED", securityEvents().get(0).kind());
        assertEquals("A backup code was used; 9 left.", securityEvents().get(0).text());
        signOut();

        signInWithBackupCode(enrolled.account(), backupCode);
        assertOnPage("/login/totp", "error=backup_invalid", "Enter your code");
        assertAlert("code-error", "That backup code is wrong or was already used.");
    }

    private void signInWithBackupCode(Account account, String backupCode) {
        signInToTheCodePage(account);
        type("backup-code", backupCode);
        press("backup-submit");
    }
}
