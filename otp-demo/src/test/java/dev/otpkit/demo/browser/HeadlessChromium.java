package dev.otpkit.demo.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the one browser the demo's
 * browser tests use. Both programs are taken from their fixed paths, never downloaded (Selenium
 * Manager would try, and this machine reaches no browser download site). When either is missing
 * the test fails, naming the script that installs them: a skipped browser test would be a test
 * that does not exist.
 *
 * <p>Each instance has its own profile in a fresh temporary folder, deleted by {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(375, 812);

    /** Switches that keep a headless Chromium quiet, offline and runnable as root in a container. */
    private static final List<String> SWITCHES = List.of(
            "--headless=new",
            "--no-sandbox", // the sandbox refuses to start as root
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    /**
     * Selenium warns at WARNING when the browser is newer than the DevTools versions it bundles;
     * the tests use WebDriver only, so the warning says nothing. Held here so the level stays set.
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts Chromium at the desktop size, or fails the calling test if it is not installed.
     *
     * @return the running browser; close it to quit the driver and delete the profile
     */
    static HeadlessChromium start() {
        return start(CHROMIUM, CHROMEDRIVER);
    }

    /**
     * Starts the given Chromium through the given chromedriver, or fails the calling test if
     * either is missing or not executable.
     *
     * @param chromium the browser's launcher
     * @param chromedriver the driver program
     * @return the running browser
     */
    static HeadlessChromium start(Path chromium, Path chromedriver) {
        requireInstalled(chromium, "chromium");
        requireInstalled(chromedriver, "chromium-driver");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile = temporaryProfile();
        // Not through ChromeDriverService.Builder: its @AutoService annotation, whose class is
        // not on the classpath, is a javac warning, and the build treats warnings as errors.
        ChromeDriverService service = ChromeDriverService.createDefaultService();
        service.setExecutable(chromedriver.toString());
        try {
            ChromeDriver driver = new ChromeDriver(service, options(chromium, profile));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().window().setSize(DESKTOP);
            return new HeadlessChromium(profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    private static void requireInstalled(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            fail(program + " is missing (Debian package " + debianPackage + "): the browser tests"
                    + " need it; run scripts/install-test-deps.sh as root to install it");
        }
    }

    private static ChromeOptions options(Path chromium, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(SWITCHES);
        options.addArguments("--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads(profile).toString(),
                "download.prompt_for_download", false));
        return options;
    }

    private static Path downloads(Path profile) {
        return profile.resolve("downloads");
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("otp-demo-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the driver, to load pages and find elements.
     *
     * @return the driver of this browser
     */
    ChromeDriver driver() {
        return driver;
    }

    /**
     * Returns the folder where the browser saves the files it downloads, without asking.
     *
     * @return the downloads folder, inside the profile; it may not exist before the first download
     */
    Path downloads() {
        return downloads(profile);
    }

    /**
     * Resizes the browser window.
     *
     * @param size the outer size in CSS pixels, {@link #DESKTOP} or {@link #PHONE}
     */
    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Takes a screenshot of what the window shows and writes it as a PNG.
     *
     * @param file where to write it; its folder is created if missing
     * @return the PNG's bytes
     */
    byte[] screenshot(Path file) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    /** Quits the browser and its driver and deletes the profile folder. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + root, e);
        }
    }
}
