package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Signing in with a code sent by email, read from the demo's SMTP server. */
class EmailCodeBrowserTest extends DemoBrowserTest {
    private static final String SENT = "We sent a code to your email address. It expires in 10 minutes.";

    @Test
    void signsInWithTheCodeFromTheMailThatTheMailboxPageAlsoShows() throws Exception {
        Enrolled enrolled = enrolledAccount();
        askForEmailCode(enrolled.account());
        String code = mailedCode(enrolled.account(), 1);

        open("/dev/mailbox");
        assertOnPage("/dev/mailbox", "Development mailbox");
        assertTrue(text("dev-notice").startsWith("Development stand-in: this page shows every message"));
        List<WebElement> messages = browser.driver().findElements(By.cssSelector("article.message"));
        assertEquals(smtpServer.getReceivedMessages().length, messages.size(), "mails on the mailbox page");
        WebElement newest = messages.get(0);
        assertEquals(enrolled.account().email(), newest.findElement(By.className("message-to")).getText());
        assertEquals("Your otpkit demo sign-in code", newest.findElement(By.className("message-subject")).getText());
        assertTrue(newest.findElement(By.className("message-body")).getText()
                .startsWith("Your sign-in code is " + code + ".\n"), "the mailbox page shows another mail");

        open("/login/email-code");
        assertOnPage("/login/email-code", "Sign in with an email code");
        enterEmailCode(code);
        assertOnPage("/account", "Your account");
        assertEquals(enrolled.account().username(), text("account-username"));
    }

    @Test
    void refusesACodeAfterItsTenMinutes() throws Exception {
        Enrolled enrolled = enrolledAccount();
        askForEmailCode(enrolled.account());
        String code = mailedCode(enrolled.account(), 1);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        enterEmailCode(code);
        assertOnPage("/login/email-code", "error=expired", "Sign in with an email code");
        assertAlert("code-error", "That code has expired or was replaced by a newer one. Send yourself a new code.");
    }

    @Test
    void refusesAWrongCodeAndACodeReplacedByANewerOneThenAcceptsTheNewer() throws Exception {
        Enrolled enrolled = enrolledAccount();
        askForEmailCode(enrolled.account());
        String first = mailedCode(enrolled.account(), 1);
        press("email-send");
        assertOnPage("/login/email-code", "sent", "Sign in with an email code");
        String second = mailedCode(enrolled.account(), 2);

        enterEmailCode(second.equals("000000") ? "000001" : "000000");
        assertOnPage("/login/email-code", "error=invalid", "Sign in with an email code");
        assertAlert("code-error", "That code is wrong. Check the newest email from us and try again.");

        // FLOWS.md: a code sent since is the newest; an older code then answers "invalid".
        enterEmailCode(first);
        assertOnPage("/login/email-code", "error=invalid", "Sign in with an email code");
        assertAlert("code-error", "That code is wrong. Check the newest email from us and try again.");
        enterEmailCode(second);
        assertOnPage("/account", "Your account");
    }

    /** Signs in with the password, chooses an email code and sends it; ends on "we sent a code". */
    private void askForEmailCode(Account account) {
        nextStep();
        signInToTheCodePage(account);
        press("link-email-code");
        assertOnPage("/login/email-code", "Sign in with an email code");
        assertAbsent("email-sent");
        press("email-send");
        assertOnPage("/login/email-code", "sent", "Sign in with an email code");
        assertStatus("email-sent", SENT);
    }

    private void enterEmailCode(String code) {
        type("email-code", code);
        press("email-code-submit");
    }
}
