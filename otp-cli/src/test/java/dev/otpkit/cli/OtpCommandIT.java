package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.HmacAlgorithm;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.Totp;
import dev.otpkit.qr.QrCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the packaged {@code otp.jar} with {@code java -jar}, as a user would, under the C locale
 * unless a test needs Unicode arguments (the jar must write UTF-8 in any locale). Codes are checked against oathtool, an independent
 * implementation.
 */
class OtpCommandIT {
    /** RFC 6238's SHA-1 key "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final String JAR = System.getProperty("otp.jar", "target/otp.jar");

    @TempDir
    Path dir;

    @Test
    void enrollPrintsSecretUriOnItsOwnLineAndTheQrCode() {
        CommandRun run = otp("enroll", "--issuer", "Demo", "--account", "alice@example.com");

        run.assertExit(0);
        List<String> lines = run.stdoutLines();
        assertTrue(lines.get(0).matches("Secret: [A-Z2-7]{32}"), lines.get(0));
        OtpAuthUri uri = OtpAuthUri.parse(lines.get(1));
        assertEquals(lines.get(1), uri.toUriString(), "the URI is alone on its line");
        assertEquals(Optional.of("Demo"), uri.issuer());
        assertEquals("alice@example.com", uri.account());
        assertEquals(lines.get(0).substring("Secret: ".length()), uri.secret().toBase32());
        assertEquals(160, uri.secret().bitLength());
        // QrCodeTest proves terminal() decodes to its text; the QR of one text is always the same.
        String qr = String.join("\n", lines.subList(2, lines.size())) + "\n";
        assertEquals(QrCode.from(uri).terminal(), qr);
        assertEquals("", run.stderr);
    }

    @Test
    void enrollMakesANewSecretEachTime() {
        String first = otp("enroll", "--issuer", "Demo", "--account", "a").stdoutLines().get(0);
        String second = otp("enroll", "--issuer", "Demo", "--account", "a").stdoutLines().get(0);

        assertFalse(first.equals(second));
    }

    @Test
    void enrollWritesThePng() throws IOException {
        Path png = dir.resolve("alice.png");
        CommandRun run = otp("enroll", "--issuer", "Demo", "--account", "alice@example.com", "--png", png.toString());

        run.assertExit(0);
        OtpAuthUri uri = OtpAuthUri.parse(run.stdoutLines().get(1));
        assertArrayEquals(QrCode.from(uri).png(), Files.readAllBytes(png));
        assertTrue(run.stdout.contains("QR code written to " + png), run.stdout);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)),
                "the PNG holds the secret");
    }

    @Test
    void enrollRunsOnARuntimeOfJavaBaseAloneWithoutAwt() throws IOException {
        Path runtime = dir.resolve("java-base-only");
        Path jlink = Paths.get(System.getProperty("java.home"), "bin", "jlink");
        CommandRun.ofProcess(List.of(jlink.toString(), "--add-modules", "java.base", "--output", runtime.toString()), dir, "C")
                .assertExit(0);
        Path png = dir.resolve("qr.png");

        CommandRun run = otpOnRuntime(runtime, "C", "enroll", "--issuer", "Demo", "--account", "a", "--png", png.toString());

        run.assertExit(0);
        assertArrayEquals(QrCode.from(OtpAuthUri.parse(run.stdoutLines().get(1))).png(), Files.readAllBytes(png));
    }

    @Test
    void enrollWithUnicodeNamesAndNonDefaultParameters() {
        CommandRun run = otpInLocale("C.UTF-8", "enroll", "--issuer", "Bücher & Söhne", "--account", "jürgen+2fa@example.de",
                "--algorithm", "sha256", "--digits", "8", "--period", "60");

        run.assertExit(0);
        OtpAuthUri uri = OtpAuthUri.parse(run.stdoutLines().get(1));
        assertEquals(Optional.of("Bücher & Söhne"), uri.issuer());
        assertEquals("jürgen+2fa@example.de", uri.account());
        assertEquals(Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(8).period(Duration.ofSeconds(60)).build(),
                uri.totp());
        assertTrue(run.stdoutLines().get(1).startsWith(
                "otpauth://totp/B%C3%BCcher%20%26%20S%C3%B6hne:j%C3%BCrgen%2B2fa@example.de?secret="));
    }

    @Test
    void enrollWarnsAboutParametersThatAppsIgnore() {
        CommandRun run = otp("enroll", "--issuer", "Demo", "--account", "a", "--algorithm", "SHA512", "--digits", "8",
                "--period", "60");

        run.assertExit(0);
        assertEquals(List.of(
                "otp: warning: many authenticator apps ignore the algorithm and compute SHA1 codes",
                "otp: warning: several authenticator apps ignore the digits and show 6-digit codes",
                "otp: warning: several authenticator apps ignore the period and change codes every 30 seconds"),
                run.stderr.lines().collect(Collectors.toList()));
        assertEquals("", otp("enroll", "--issuer", "Demo", "--account", "a").stderr, "defaults raise no warning");
    }

    @Test
    void refusesArgumentsThatTheLocaleCouldNotDecode() {
        CommandRun run = otpInLocale("C", "enroll", "--issuer", "Bücher", "--account", "a");

        run.assertExit(2);
        assertTrue(run.stderr.startsWith("otp: an argument is not valid in this locale's character set"), run.stderr);
        assertEquals("", run.stdout);
    }

    @Test
    void enrollReportsAPngThatCannotBeWritten() {
        CommandRun run = otp("enroll", "--issuer", "Demo", "--account", "a", "--png", dir.resolve("no/such/dir.png").toString());

        run.assertExit(1);
        assertTrue(run.stderr.startsWith("otp: cannot write the PNG to "), run.stderr);
        assertEquals("", run.stdout, "no secret is shown for an enrolment that failed");
    }

    @Test
    void enrollCreatesThePngOwnerOnlyWhateverTheUmask() throws IOException {
        Path png = dir.resolve("alice.png");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000 && exec \"$0\" \"$@\""));
        command.addAll(javaJar("enroll", "--issuer", "Demo", "--account", "a", "--png", png.toString()));

        CommandRun.ofProcess(command, dir, "C").assertExit(0);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)),
                "made owner-only when created, not by the umask");
    }

    @Test
    void enrollRefusesADanglingSymbolicLinkAsThePngAndCreatesNothing() throws IOException {
        Path target = dir.resolve("elsewhere.png");
        Path link = Files.createSymbolicLink(dir.resolve("alice.png"), target);

        CommandRun run = otp("enroll", "--issuer", "Demo", "--account", "a", "--png", link.toString());

        run.assertExit(2);
        assertEquals("otp: --png " + link + " already exists; give the name of a new file (the PNG holds the"
                + " secret, so otp never writes over a file or through a link)", run.stderr.lines().findFirst().get());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "the link's target was created");
        assertEquals("", run.stdout);
    }

    @Test
    void enrollRefusesAnEmptyPngNameWithOneLineAndNoStackTrace() {
        CommandRun run = otp("enroll", "--issuer", "Demo", "--account", "a", "--png", "");

        run.assertExit(2);
        assertEquals("otp: --png needs a file name", run.stderr.lines().findFirst().get());
        assertFalse(run.stderr.contains("Exception") || run.stderr.contains("\tat "), run.stderr);
    }

    @Test
    void codeWarnsAboutAShortSecretOnStandardErrorOnly() {
        CommandRun run = otp("code", "--secret", "AA", "--time", "59");

        run.assertExit(0);
        assertEquals(oathtool("--totp", "-b", "--now", "@59", "AA") + "\n", run.stdout);
        assertEquals("otp: warning: the secret has 8 bits, shorter than the 128 RFC 4226 requires: renew it\n",
                run.stderr);
    }

    @Test
    void verifyTakesTheCodeAfterDoubleDash() {
        String code = oathtool("--totp", "-b", "--now", "@1700000000", RFC_SECRET);

        CommandRun run = otp("verify", "--secret", RFC_SECRET, "--time", "1700000000", "--", code);

        run.assertExit(0);
        assertEquals("", run.stderr);
    }

    @Test
    void uriParseEscapesTerminalControlsInTheLabel() {
        CommandRun run = otpInLocale("C.UTF-8", "uri", "--parse",
                "otpauth://totp/Evil%1B%5B2J%E2%80%AE:bob%0Asecret%EF%BC%9A%20AAAA?secret=" + RFC_SECRET);

        assertFalse((run.stdout + run.stderr).contains("\u001B") || (run.stdout + run.stderr).contains("\u202E"),
                run.stdout + run.stderr);
        assertFalse(run.stdout.lines().anyMatch(line -> line.startsWith("secret\uFF1A")), run.stdout);
    }

    @ParameterizedTest
    @CsvSource({
        "59,          SHA1,   8, 30",
        "1111111109,  SHA256, 8, 30",
        "2000000000,  SHA512, 8, 30",
        "1234567890,  SHA1,   6, 60",
        "20000000000, SHA1,   7, 30",
    })
    void codeMatchesOathtool(long time, String algorithm, int digits, int period) {
        CommandRun run = otp("code", "--secret", RFC_SECRET, "--time", Long.toString(time), "--algorithm", algorithm,
                "--digits", Integer.toString(digits), "--period", Integer.toString(period));

        run.assertExit(0);
        String expected = oathtool("--totp=" + algorithm.toLowerCase(), "-b", "--now", "@" + time,
                "--time-step-size=" + period + "s", "--digits=" + digits, RFC_SECRET);
        assertEquals(expected + "\n", run.stdout);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "9", "123456789"})
    void hotpCodeMatchesOathtool(long counter) {
        CommandRun run = otp("code", "--secret", RFC_SECRET, "--hotp", "--counter", Long.toString(counter));

        run.assertExit(0);
        assertEquals(oathtool("--hotp", "-b", "-c", Long.toString(counter), RFC_SECRET) + "\n", run.stdout);
    }

    @Test
    void codeReadsLegacyEightyBitSecretsInAnyCaseWithSpaces() {
        CommandRun run = otp("code", "--secret", "jbsw y3dp ehpk 3pxp", "--time", "1700000000");

        run.assertExit(0);
        assertEquals(oathtool("--totp", "-b", "--now", "@1700000000", "JBSWY3DPEHPK3PXP") + "\n", run.stdout);
    }

    @Test
    void verifyAcceptsTheCurrentAndNeighbouringSteps() {
        String time = "1700000000";
        String previous = oathtool("--totp", "-b", "--now", "@1699999970", RFC_SECRET);
        String twoBack = oathtool("--totp", "-b", "--now", "@1699999940", RFC_SECRET);
        String current = oathtool("--totp", "-b", "--now", "@" + time, RFC_SECRET);

        CommandRun valid = otp("verify", "--secret", RFC_SECRET, "--time", time, current);
        valid.assertExit(0);
        assertEquals("valid (time step 56666666, drift 0)\n", valid.stdout);
        CommandRun behind = otp("verify", "--secret", RFC_SECRET, "--time", time, previous);
        behind.assertExit(0);
        assertTrue(behind.stdout.contains("drift -1"), behind.stdout);
        CommandRun tooOld = otp("verify", "--secret", RFC_SECRET, "--time", time, twoBack);
        tooOld.assertExit(1);
        assertEquals("invalid\n", tooOld.stdout);
        otp("verify", "--secret", RFC_SECRET, "--time", time, "--window", "2", twoBack).assertExit(0);
        otp("verify", "--secret", RFC_SECRET, "--time", time, "--window", "0", previous).assertExit(1);
    }

    @Test
    void verifyTreatsAMalformedCodeAsInvalidNotAsBadArguments() {
        CommandRun run = otp("verify", "--secret", RFC_SECRET, "12ab56");

        run.assertExit(1);
        assertEquals("invalid: not a code of 6 digits\n", run.stdout);
        assertEquals("", run.stderr);
    }

    @Test
    void verifyAcceptsACodeAsAppsDisplayIt() {
        String code = oathtool("--totp", "-b", "--now", "@1700000000", RFC_SECRET);

        otp("verify", "--secret", RFC_SECRET, "--time", "1700000000", code.substring(0, 3) + " " + code.substring(3))
                .assertExit(0);
    }

    @Test
    void backupPrintsExactlyTheCodesThenTheirHashes() {
        CommandRun run = otp("backup", "--count", "3");

        run.assertExit(0);
        List<String> lines = run.stdoutLines();
        assertEquals(6, lines.size(), run.stdout);
        lines.subList(0, 3).forEach(code -> assertTrue(code.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"), code));
        lines.subList(3, 6).forEach(hash -> assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash));
        assertEquals("", run.stderr);
    }

    @Test
    void uriParsePrintsTheFields() {
        CommandRun run = otp("uri", "--parse",
                "otpauth://totp/ACME%20Co:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=sha256&digits=8");

        run.assertExit(0);
        assertEquals(String.join("\n",
                "type:      totp",
                "issuer:    ACME Co",
                "account:   alice@example.com",
                "secret:    JBSWY3DPEHPK3PXP (80 bits, shorter than the 128 RFC 4226 requires: renew it)",
                "algorithm: SHA256",
                "digits:    8",
                "period:    30",
                ""), run.stdout);
    }

    @Test
    void uriParsePrintsTheCounterOfHotp() {
        CommandRun run = otp("uri", "--parse", "otpauth://hotp/bob?secret=" + RFC_SECRET + "&counter=7");

        run.assertExit(0);
        assertTrue(run.stdout.contains("issuer:    (none)\n"), run.stdout);
        assertTrue(run.stdout.contains("secret:    " + RFC_SECRET + " (160 bits)\n"), run.stdout);
        assertTrue(run.stdout.endsWith("counter:   7\n"), run.stdout);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                                   | no command given",
        "frobnicate                                           | unknown command (argument 1); the commands are enroll,",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ                     | unknown command (argument 1)",
        "backup --count 0                                     | --count must be a whole number from 1 to 100",
        "enroll --account alice                               | option --issuer is required",
        "enroll --issuer Demo                                 | option --account is required",
        "enroll --issuer A:B --account alice                  | issuer must not contain ':'",
        "enroll --issuer Demo --account a --digits 9          | --digits must be a whole number from 6 to 8",
        "enroll --issuer Demo --account a --digits GEZDGNBVGY3TQOJQ | --digits must be a whole number from 6 to 8",
        "enroll --issuer Demo --account a --algorithm GEZDGNBVGY3TQOJQ | --algorithm must be SHA1, SHA256 or SHA512",
        "enroll --issuer Demo --account a --period 0          | --period must be a whole number from 1 to 86400",
        "enroll --issuer Demo --account a --algorithm MD5     | --algorithm must be SHA1, SHA256 or SHA512",
        "enroll --issuer Demo --account a --colour magenta    | unknown option --colour (argument 5 after the command); this command takes --account, --algorithm,",
        "code --GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ               | unknown option (argument 1 after the command)",
        "backup --secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ      | unknown option --secret (argument 1 after the command); this command takes --count",
        "enroll --issuer Demo --account a --png=              | --png needs a file name",
        "enroll --issuer Demo --account a --issuer Other      | option --issuer is given more than once",
        "enroll --issuer Demo --account a extra               | 1 unexpected argument(s)",
        "enroll --issuer Demo --account                       | option --account needs a value",
        "code                                                 | option --secret is required",
        "code --secret GEZDGNBVGY3TQOJQ1EZDGNBV               | --secret is not a valid Base32 secret: character at position",
        "code --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --hotp | --hotp needs --counter N",
        "code --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --counter 3 | --counter needs --hotp",
        "code --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --hotp --counter 1 --time 5 | --time and --period are for TOTP",
        "code --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --time -1 | --time must be a whole number from 0",
        "code --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --time soon | --time must be a whole number from 0",
        "verify --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ     | expected one CODE, got 0",
        "verify --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --window 11 123456 | --window must be a whole number from 0 to 10",
        "verify --secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --window 287082 123456 | --window must be a whole number from 0 to 10",
        "uri                                                  | option --parse is required",
        "uri --parse https://example.com/?secret=GEZDGNBVGY3TQOJQ | not a usable otpauth URI: it does not start with otpauth://",
        "uri --parse otpauth://totp/a?secret=GEZDGNBVGY3TQOJQ1 | not a usable otpauth URI: the secret is not valid Base32",
    })
    void badArgumentsGiveOneLineTheUsageAndExitTwo(String commandLine, String message) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");
        CommandRun run = otp(args);

        run.assertExit(2);
        assertEquals("", run.stdout);
        List<String> errorLines = Arrays.asList(run.stderr.split("\n"));
        assertTrue(errorLines.get(0).startsWith("otp: ") && errorLines.get(0).contains(message), run.stderr);
        assertTrue(errorLines.get(1).startsWith("usage: otp enroll"), run.stderr);
        assertFalse(run.stderr.contains("Exception") || run.stderr.contains("\tat "), run.stderr);
        assertFalse(run.stderr.contains("GEZDGNBVGY3TQOJQ"), "the secret is never echoed: " + run.stderr);
        assertFalse(errorLines.get(0).contains("frobnicate") || errorLines.get(0).contains("magenta")
                || errorLines.get(0).contains("287082"),
                "unknown text is never echoed: " + run.stderr);
    }

    @ParameterizedTest
    @CsvSource({"--help", "help", "enroll --help", "verify -h"})
    void helpPrintsTheUsageAndSucceeds(String commandLine) {
        CommandRun run = otp(commandLine.split(" "));

        run.assertExit(0);
        assertTrue(run.stdout.startsWith("usage: otp enroll"), run.stdout);
        assertEquals("", run.stderr);
    }

    /** Runs the jar in the C locale: it must write UTF-8 all the same. */
    private CommandRun otp(String... args) {
        return otpInLocale("C", args);
    }

    private CommandRun otpInLocale(String locale, String... args) {
        return otpOnRuntime(Paths.get(System.getProperty("java.home")), locale, args);
    }

    private CommandRun otpOnRuntime(Path javaHome, String locale, String... args) {
        return CommandRun.ofProcess(javaJar(javaHome, args), dir, locale);
    }

    private static List<String> javaJar(String... args) {
        return javaJar(Paths.get(System.getProperty("java.home")), args);
    }

    private static List<String> javaJar(Path javaHome, String... args) {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(), "-jar", JAR));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private String oathtool(String... args) {
        List<String> command = new ArrayList<>(List.of("oathtool"));
        command.addAll(Arrays.asList(args));
        CommandRun run = CommandRun.ofProcess(command, dir, "C");
        run.assertExit(0);
        return run.stdout.strip();
    }
}
