package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.testkit.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The demo, started once on a free port (one application for every browser test class: the same
 * configuration shares Spring's cached context), and the steps a person takes in it: open a page,
 * type, press a button, read what the page says. Each step that lands on a page checks its path
 * and heading and takes a screenshot. Each test signs up an account of its own, so the tests share
 * the database and the clock without meeting; the clock only moves forward.
 *
 * <p>The pages, their ids and their texts are those of {@code otp-demo/FLOWS.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "otp-demo.data-dir=${" + BrowserTestSetup.DATA_DIR_PROPERTY + "}",
        // The demo's own H2 file, but closed by the application, not by H2's shutdown hook, which
        // would race the deletion of the folder (BrowserTestSetup) at the end of the run.
        "spring.datasource.url=jdbc:h2:file:${otp-demo.data-dir}/otp-demo;DB_CLOSE_ON_EXIT=FALSE"})
@Import(BrowserTestSetup.class)
abstract class DemoBrowserTest {
    static {
        // Before Spring builds the application: the static fields of a test class are read (and
        // the class initialized) when JUnit registers its extensions.
        BrowserTestSetup.createDataDir();
    }

    /** One browser for each test class, started before its first test and quit after its last. */
    @RegisterExtension
    static final Browser browser = new Browser();

    static final String PASSWORD = "correct horse battery staple";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PAGE_WAIT = Duration.ofSeconds(10);
    private static final Pattern MANUAL_KEY = Pattern.compile("([A-Z2-7]{4} )*[A-Z2-7]{1,4}");
    private static final Pattern BACKUP_CODE = Pattern.compile("[A-Za-z0-9]{5}-[A-Za-z0-9]{5}");
    private static final Pattern MAILED_CODE = Pattern.compile(
            "Your sign-in code is (\\d{6})\\.\\R+It expires at (\\d\\d:\\d\\d:\\d\\d) UTC\\.\\R+"
                    + "If you did not try to sign in, change your password\\.\\s*");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    GreenMail smtpServer;

    /** A person's account: what they type at sign-up. */
    record Account(String username, String email, String phone, String password) {}

    /** A row of the account security page. */
    record Event(String kind, String time, String text) {}

    // ---------------------------------------------------------------- the browser, as a person

    /** Makes a new account's details, not yet signed up. */
    static Account newAccount() {
        int n = ACCOUNTS.incrementAndGet();
        return new Account("user-" + n, "user-" + n + "@example.com", String.format("+1555%07d", n), PASSWORD);
    }

    /** Types a URL into the address bar. */
    void open(String path) {
        browser.driver().get("http://127.0.0.1:" + port + path);
    }

    /** Checks that the browser shows the page at {@code path} with this heading, and screenshots it. */
    void assertOnPage(String path, String heading) {
        URI url = URI.create(browser.driver().getCurrentUrl());
        assertEquals(path, url.getPath(), "the browser is not on the expected page");
        assertEquals(heading, browser.driver().findElement(By.tagName("h1")).getText());
        browser.screenshot(screenshotStep(url));
    }

    /**
     * Checks the path, heading and query parameter ({@code error=invalid}, {@code sent}) of the
     * page shown; the page may have more parameters.
     */
    void assertOnPage(String path, String parameter, String heading) {
        String query = URI.create(browser.driver().getCurrentUrl()).getQuery();
        List<String> parameters = query == null ? List.of() : List.of(query.split("&"));
        assertTrue(parameters.contains(parameter), () -> "the page's query is " + query + ", without " + parameter);
        assertOnPage(path, heading);
    }

    private static String screenshotStep(URI url) {
        String page = url.getPath().equals("/") ? "home" : url.getPath().substring(1);
        String query = url.getQuery() == null ? "" : "-" + url.getQuery();
        return (page + query).replaceAll("[^A-Za-z0-9]+", "-");
    }

    /** Clears a field and types into it. */
    void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses a button or follows a link, and waits until the next page replaced this one. */
    void press(String id) {
        WebElement element = browser.driver().findElement(By.id(id));
        element.click();
        new WebDriverWait(browser.driver(), PAGE_WAIT).until(driver -> isGone(element));
    }

    /**
     * Whether an element's page was replaced. Unlike {@code ExpectedConditions.stalenessOf}, it
     * asks again when chromedriver, caught mid-navigation, answers "Node with given id does not
     * belong to the document" instead of a stale reference.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    /**
     * Presses a button the browser refuses to send its form for, because of a field's HTML
     * constraints; checks the browser tells why and stays on the page.
     */
    void assertBrowserRefuses(String buttonId, String fieldId) {
        String page = browser.driver().getCurrentUrl();
        browser.driver().findElement(By.id(buttonId)).click();
        String why = browser.driver().findElement(By.id(fieldId)).getDomProperty("validationMessage");
        assertFalse(why == null || why.isEmpty(), () -> "the browser accepts " + fieldId);
        assertEquals(page, browser.driver().getCurrentUrl());
        browser.screenshot(fieldId + "-refused");
    }

    /** Returns the visible text of an element, failing if the page has none with that id. */
    String text(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        assertEquals(1, found.size(), () -> "the page has no element " + id);
        return found.get(0).getText();
    }

    /** Checks that the page shows this error, as an alert. */
    void assertAlert(String id, String expected) {
        assertEquals(expected, text(id));
        assertEquals("alert", browser.driver().findElement(By.id(id)).getDomAttribute("role"), id + " is no alert");
    }

    /** Checks that the page shows this information, as a status message. */
    void assertStatus(String id, String expected) {
        assertEquals(expected, text(id));
        assertEquals("status", browser.driver().findElement(By.id(id)).getDomAttribute("role"), id + " is no status");
    }

    /** Checks that the page has no element with this id. */
    void assertAbsent(String id) {
        assertTrue(browser.driver().findElements(By.id(id)).isEmpty(), () -> "the page shows " + id);
    }

    /** Sends a GET with the browser's cookies, for what a browser does not show: a status code. */
    int statusOf(String path) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookies)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---------------------------------------------------------------- the demo's flows

    /** Signs up from the home page; ends on the sign-in page that says the account is ready. */
    Account signUp() {
        Account account = newAccount();
        open("/");
        assertOnPage("/", "otpkit demo");
        press("link-sign-up");
        assertOnPage("/signup", "Create an account");
        fillSignUp(account);
        press("signup-submit");
        assertOnPage("/login", "registered", "Sign in");
        assertStatus("login-info", "Your account is ready. Sign in with your username and password.");
        return account;
    }

    /** Fills in the sign-up form. */
    void fillSignUp(Account account) {
        type("username", account.username());
        type("email", account.email());
        type("phone", account.phone());
        type("password", account.password());
    }

    /** Types the username and password on the sign-in page; ends on the second factor's page. */
    void signInWithPassword(Account account) {
        open("/login");
        assertOnPage("/login", "Sign in");
        type("username", account.username());
        type("password", account.password());
        press("login-submit");
    }

    /** Signs in with the password of an account that has an authenticator; ends on the code page. */
    void signInToTheCodePage(Account account) {
        signInWithPassword(account);
        assertOnPage("/login/totp", "Enter your code");
    }

    /**
     * Sets up the authenticator on the enrolment page shown: reads the QR code from a screenshot,
     * checks the manual key against it, and confirms with the first code; ends on the backup codes.
     *
     * @return the otpauth URI the QR code holds: the authenticator app
     */
    OtpAuthUri enrol() {
        assertOnPage("/login/totp/enroll", "Set up your authenticator app");
        OtpAuthUri app = scanQrCode();
        type("enroll-code", code(app));
        press("enroll-submit");
        assertOnPage("/account/backup-codes", "Your backup codes");
        return app;
    }

    /** Reads the enrolment page's QR code as a phone's camera would, and its manual key. */
    OtpAuthUri scanQrCode() {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.driver().findElement(By.id("qr-code")));
        OtpAuthUri app = OtpAuthUri.parse(QrScreenshot.decode(browser.screenshot("qr-code")));
        assertEquals(OtpAuthUri.Type.TOTP, app.type());
        assertEquals("otpkit demo", app.issuer().orElseThrow());
        String manualKey = text("manual-key");
        assertTrue(MANUAL_KEY.matcher(manualKey).matches(), "the manual key is not in groups of 4: " + manualKey.length());
        assertEquals(app.secret().toBase32(), manualKey.replace(" ", ""), "the manual key is not the QR code's secret");
        return app;
    }

    /** The code the authenticator app shows at the demo's time. */
    String code(OtpAuthUri app) {
        return app.totp().generate(app.secret(), clock.instant());
    }

    /** A well-formed code that the app shows at none of the steps the demo accepts now. */
    String wrongCode(OtpAuthUri app) {
        List<String> accepted = Arrays.asList(
                app.totp().generate(app.secret(), clock.instant().minusSeconds(30)),
                code(app),
                app.totp().generate(app.secret(), clock.instant().plusSeconds(30)));
        for (int hours = 1; ; hours++) {
            String code = app.totp().generate(app.secret(), clock.instant().plusSeconds(3600L * hours));
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }

    /** Moves the demo's clock to the next 30-second step, where the app shows a new code. */
    void nextStep() {
        clock.advance(Duration.ofSeconds(30));
    }

    /** Reads the backup codes shown; stays on the page. */
    List<String> readBackupCodes() {
        List<String> codes = browser.driver().findElements(By.cssSelector("#backup-codes > li")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(10, codes.size(), "backup codes shown");
        codes.forEach(c -> assertTrue(BACKUP_CODE.matcher(c).matches(), "a backup code is not XXXXX-XXXXX"));
        assertEquals(10, codes.stream().distinct().count(), "the backup codes are not all different");
        return codes;
    }

    /** Downloads the backup codes shown and checks the file holds the same; stays on the page. */
    void assertDownloadHolds(Account account, List<String> codes) {
        browser.driver().findElement(By.id("backup-codes-download")).click();
        List<String> file = browser.download("otp-demo-backup-codes.txt").lines().toList();
        assertEquals("otpkit demo backup codes for " + account.username(), file.get(0));
        assertEquals("", file.get(1));
        assertEquals(codes, file.subList(2, file.size()), "the download holds other codes than the page");
    }

    /** Dismisses the backup codes; ends on the account page. */
    void dismissBackupCodes() {
        press("backup-codes-done");
        assertOnPage("/account", "Your account");
    }

    /** A new account with an authenticator, signed out; returns the authenticator. */
    Enrolled enrolledAccount() {
        Account account = signUp();
        signInWithPassword(account);
        Instant enrolledAt = clock.instant();
        OtpAuthUri app = enrol();
        List<String> backupCodes = readBackupCodes();
        dismissBackupCodes();
        signOut();
        return new Enrolled(account, app, backupCodes, enrolledAt);
    }

    /** An account, its authenticator app, its backup codes, and when the demo's clock enrolled it. */
    record Enrolled(Account account, OtpAuthUri app, List<String> backupCodes, Instant enrolledAt) {}

    /** Signs out from the account page; ends on the sign-in page that says so. */
    void signOut() {
        if (!URI.create(browser.driver().getCurrentUrl()).getPath().equals("/account")) {
            open("/account");
            assertOnPage("/account", "Your account");
        }
        press("logout-submit");
        assertOnPage("/login", "logout", "Sign in");
        assertStatus("login-info", "You are signed out.");
    }

    /** Signs in with the password, then the code the app shows after moving to its next step. */
    void signInWithTotp(Enrolled enrolled) {
        nextStep();
        signInToTheCodePage(enrolled.account());
        type("code", code(enrolled.app()));
        press("code-submit");
        assertOnPage("/account", "Your account");
        assertEquals(enrolled.account().username(), text("account-username"));
    }

    /** Types a code into the sign-in page's TOTP field and sends it. */
    void enterTotp(String code) {
        type("code", code);
        press("code-submit");
    }

    /** Reads the account security page's events, newest first. */
    List<Event> securityEvents() {
        return browser.driver().findElements(By.cssSelector("#security-events tr.event")).stream()
                .map(row -> new Event(row.getDomAttribute("data-kind"),
                        row.findElement(By.className("event-time")).getText(),
                        row.findElement(By.className("event-text")).getText()))
                .toList();
    }

    /**
     * Waits for the SMTP server to have received {@code count} messages for this account, and
     * reads the sign-in code from the newest, checking the whole mail.
     */
    String mailedCode(Account account, int count) throws MessagingException, IOException, InterruptedException {
        MimeMessage mail = awaitMail(account.email(), count);
        assertEquals("Your otpkit demo sign-in code", mail.getSubject());
        assertEquals("otpkit demo <no-reply@otp-demo.localhost>", mail.getFrom()[0].toString());
        Matcher body = MAILED_CODE.matcher(mail.getContent().toString());
        assertTrue(body.matches(), "the mail is not the sign-in code's");
        assertEquals(TIME.format(clock.instant().plus(Duration.ofMinutes(10))), body.group(2), "expiry in the mail");
        return body.group(1);
    }

    private MimeMessage awaitMail(String to, int count) throws MessagingException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            List<MimeMessage> received = mailsTo(to);
            if (received.size() >= count) {
                assertEquals(count, received.size(), "mails to " + to);
                return received.get(count - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                return fail("the SMTP server received " + received.size() + " mails to " + to + ", not " + count);
            }
            Thread.sleep(20);
        }
    }

    private List<MimeMessage> mailsTo(String to) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtpServer.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))) {
                found.add(message);
            }
        }
        return found;
    }

    /** True when the page fits the window's width: nothing to scroll sideways. */
    boolean fitsTheWidth() {
        Object overflow = browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        return ((Number) overflow).longValue() <= 0;
    }

    /** Checks the page is laid out for a phone: no sideways scrolling; the elements are shown. */
    void assertFitsAPhone(String... ids) {
        assertTrue(fitsTheWidth(), "the page is wider than a phone's screen");
        for (String id : ids) {
            WebElement element = browser.driver().findElement(By.id(id));
            assertTrue(element.isDisplayed(), id + " is hidden");
            assertFalse(element.getRect().getX() + element.getRect().getWidth() > HeadlessChromium.PHONE.getWidth(),
                    id + " reaches past the screen's right edge");
        }
    }
}
