package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.qr.QrCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.openqa.selenium.By;

/**
 * The browser harness on its own, against a static page served by the JDK: the browser starts
 * from Debian's paths, a screenshot lands where the flows' screenshots do, and zxing reads back,
 * from that screenshot alone, the otpauth URI that otp-qr drew into the page. The demo's flow tests
 * rely on all three.
 */
class HarnessTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    private static final OtpAuthUri URI = totpUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    /**
     * A code whose data modules look enough like a finder pattern to mislead zxing's single-code
     * finder (about 1 otpauth URI in 200 does), found by trying seeded secrets.
     */
    private static final OtpAuthUri MISLEADING_URI = totpUri("QAKSGC4SAQO376ADHU7S3CK2FZBISUCU");

    private static HttpServer server;

    private static OtpAuthUri totpUri(String secret) {
        return OtpAuthUri.builder()
                .secret(OtpSecret.fromBase32(secret))
                .issuer("otpkit demo")
                .account("alice")
                .totp(Totp.builder().build())
                .build();
    }

    @BeforeAll
    static void serveEnrolmentLikePage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> sendPage(exchange, URI));
        server.createContext("/misleading", exchange -> sendPage(exchange, MISLEADING_URI));
        server.createContext("/codes.txt", HarnessTest::sendAttachment);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void sendPage(HttpExchange exchange, OtpAuthUri uri) throws IOException {
        String png = Base64.getEncoder().encodeToString(QrCode.from(uri).png());
        byte[] html = ("<!doctype html><html lang=en><meta charset=utf-8>"
                + "<meta name=viewport content='width=device-width, initial-scale=1'>"
                + "<title>Set up your authenticator</title>"
                + "<h1 id=heading>Set up your authenticator</h1><p>Scan this code.</p>"
                + "<img alt='QR code' style='max-width:100%' src='data:image/png;base64," + png + "'>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, html.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(html);
        }
    }

    private static void sendAttachment(HttpExchange exchange) throws IOException {
        byte[] text = "first line\nsecond line\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"codes.txt\"");
        exchange.sendResponseHeaders(200, text.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(text);
        }
    }

    private static String pageUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void readsTheQrCodeFromAScreenshotAtDesktopAndPhoneSizes() {
        browser.driver().get(pageUrl());
        assertEquals("Set up your authenticator", browser.driver().findElement(By.id("heading")).getText());

        assertEquals(URI.toUriString(), QrScreenshot.decode(browser.screenshot("desktop")));

        browser.resize(HeadlessChromium.PHONE);
        assertEquals(375L, browser.driver().executeScript("return window.innerWidth"));
        assertEquals(URI.toUriString(), QrScreenshot.decode(browser.screenshot("phone")));
    }

    @Test
    void readsAQrCodeThatMisleadsZxingsSingleCodeFinder() {
        browser.driver().get(pageUrl() + "misleading");
        assertEquals(MISLEADING_URI.toUriString(), QrScreenshot.decode(browser.screenshot("misleading")));
    }

    @Test
    void writesScreenshotsNamedAfterTheTestAndStep() {
        browser.driver().get(pageUrl());
        byte[] png = browser.screenshot("page");

        Path file = Browser.SCREENSHOTS.resolve("writesScreenshotsNamedAfterTheTestAndStep-01-page.png");
        assertTrue(Files.isRegularFile(file), file + " was not written");
        assertEquals(png.length, file.toFile().length());
    }

    @Test
    void savesADownloadWithoutAsking() {
        browser.driver().get(pageUrl() + "codes.txt");
        assertEquals("first line\nsecond line\n", browser.download("codes.txt"));
    }

    @Test
    void findsNoQrCodeInAPageWithout() {
        browser.driver().get("data:text/html,<h1>No code here</h1>");
        assertThrows(AssertionFailedError.class, () -> QrScreenshot.decode(browser.screenshot("blank")));
    }

    @Test
    void failsNamingTheInstallScriptWhenChromiumIsMissing(@TempDir Path empty) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> HeadlessChromium.start(empty.resolve("chromium"), HeadlessChromium.CHROMEDRIVER));
        assertTrue(failure.getMessage().contains("scripts/install-test-deps.sh"), failure.getMessage());
    }

    @Test
    void failsNamingTheInstallScriptWhenChromedriverIsMissing(@TempDir Path empty) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> HeadlessChromium.start(HeadlessChromium.CHROMIUM, empty.resolve("chromedriver")));
        assertTrue(failure.getMessage().contains("scripts/install-test-deps.sh"), failure.getMessage());
    }
}
