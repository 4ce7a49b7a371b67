package dev.otpkit.demo.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * One headless Chromium for a whole test class, registered as a static
 * {@code @RegisterExtension} field: started before the class's first test and quit after its
 * last, with the cookies cleared and the desktop size restored before each test, so that each
 * test starts signed out. It names the screenshots after the running test, numbered in the order
 * they were taken: {@code target/screenshots/<test>-<nn>-<step>.png}; a failed test leaves one
 * more, {@code <test>-failed.png}, of the page it failed on.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {
    /** Relative to the module's folder, where Surefire runs the tests. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium chromium;
    private String test = "none";
    private int shots;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = HeadlessChromium.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        test = context.getRequiredTestMethod().getName();
        shots = 0;
        driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.resize(HeadlessChromium.DESKTOP);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (chromium != null) {
            chromium.screenshot(SCREENSHOTS.resolve(test + "-failed.png"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /**
     * Returns the driver, to load pages and find elements.
     *
     * @return the class's browser
     */
    ChromeDriver driver() {
        return chromium.driver();
    }

    /**
     * Resizes the window, for example to {@link HeadlessChromium#PHONE}; the next test starts at
     * the desktop size again.
     *
     * @param size the window's outer size in CSS pixels
     */
    void resize(Dimension size) {
        chromium.resize(size);
    }

    /**
     * Waits for a download to complete and returns its text; the file is then deleted, so that a
     * later download of the same name keeps its name.
     *
     * @param fileName the name the server gave the file
     * @return the file's content, decoded as UTF-8
     */
    String download(String fileName) {
        Path file = chromium.downloads().resolve(fileName);
        Path partial = chromium.downloads().resolve(fileName + ".crdownload");
        new FluentWait<>(file)
                .withTimeout(Duration.ofSeconds(10))
                .pollingEvery(Duration.ofMillis(50))
                .withMessage(() -> fileName + " was not downloaded")
                .until(f -> Files.isRegularFile(f) && !Files.exists(partial));
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a screenshot of the page shown, named after the running test and this step.
     *
     * @param step a short name for what the page shows, such as {@code "enrolment"}
     * @return the screenshot's PNG bytes
     */
    byte[] screenshot(String step) {
        shots++;
        String name = String.format("%s-%02d-%s.png", test, shots, step);
        return chromium.screenshot(SCREENSHOTS.resolve(name));
    }
}
