package dev.otpkit.demo;

import static dev.otpkit.demo.Visitor.find;
import static dev.otpkit.demo.Visitor.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.demo.login.Texts;
import dev.otpkit.demo.sms.DevPhone;
import dev.otpkit.testkit.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo application in a test: a fresh data directory (H2 file, keys) per test class,
 * GreenMail on a free port, a {@link MutableClock} as the application's clock, MockMvc in front.
 * The context is closed after the class, then the directory is deleted.
 */
@SpringBootTest(properties = "otp-demo.greenmail.port=0")
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(DemoFlows.TestClock.class)
abstract class DemoFlows {
    static final String PASSWORD = "correct horse battery";
    static final String PHONE = "+15550100123";
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path dataDir;

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    TotpVerifier verifier;
    @Autowired
    GreenMail greenMail;
    @Autowired
    DevPhone phone;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("otp-demo.data-dir", () -> dataDir.toString());
    }

    /** The application's clock, set by the tests. */
    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }
    }

    /** An enrolled account: its secret and its backup codes. */
    record Enrolled(String username, OtpSecret secret, List<String> backupCodes) {
    }

    Visitor visitor() {
        return new Visitor(mvc);
    }

    static String newUsername() {
        return "user" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    /** Signs up a new account with {@link #PASSWORD} and {@link #PHONE}. */
    String signUp(Visitor visitor) throws Exception {
        String username = newUsername();
        assertThat(visitor.postAndFollow("/signup", "username", username, "email", username + "@example.test",
                "phone", PHONE, "password", PASSWORD)).isEqualTo("/login?registered");
        return username;
    }

    /** Signs in with the password and answers where that leads (the second step). */
    String password(Visitor visitor, String username) throws Exception {
        String next = visitor.postAndFollow("/login", "username", username, "password", PASSWORD);
        assertThat(next).isEqualTo("/account");
        return visitor.get("/account").getRedirectedUrl();
    }

    /** A new account, enrolled and fully signed in, its backup codes dismissed. */
    Enrolled enrolled(Visitor visitor) throws Exception {
        String username = signUp(visitor);
        assertThat(password(visitor, username)).isEqualTo("/login/totp/enroll");
        OtpSecret secret = secretOf(visitor.page("/login/totp/enroll"));
        assertThat(visitor.postAndFollow("/login/totp/enroll", "code", code(secret)))
                .isEqualTo("/account/backup-codes");
        List<String> codes = backupCodesOf(visitor.page("/account/backup-codes"));
        assertThat(visitor.postAndFollow("/account/backup-codes/done")).isEqualTo("/account");
        clock.advance(Duration.ofSeconds(30));   // the confirming code's step is used
        return new Enrolled(username, secret, codes);
    }

    /** Signs out and in again with the password: a session at the second step. */
    Visitor againWithPassword(Enrolled account) throws Exception {
        Visitor visitor = visitor();
        assertThat(password(visitor, account.username())).isEqualTo("/login/totp");
        return visitor;
    }

    String code(OtpSecret secret) {
        return verifier.totp().generate(secret, clock.instant());
    }

    static OtpSecret secretOf(String enrollPage) {
        return OtpSecret.fromBase32(text(enrollPage, "manual-key"));
    }

    static List<String> backupCodesOf(String page) {
        Matcher codes = Pattern.compile("<li><code>([0-9A-Z-]+)</code></li>").matcher(page);
        return codes.results().map(m -> m.group(1)).toList();
    }

    /** The code in the newest message GreenMail received for an address. */
    String newestMailedCode(String address) throws Exception {
        MimeMessage[] messages = greenMail.getReceivedMessagesForDomain(address);
        assertThat(messages).isNotEmpty();
        return find(GreenMailUtil.getBody(messages[messages.length - 1]), "sign-in code is (\\d{6})\\.");
    }

    /** The code in the newest SMS of the development phone. */
    String newestSmsCode() {
        return find(phone.messages().get(0).text(), ": (\\d{6}) is your code");
    }

    /** A code that differs from the right one in its last digit. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) (last == '9' ? '0' : last + 1);
    }
}
