package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code otp uri --parse} shows what a URI holds without letting it drive the terminal. Whether
 * OtpAuthUri accepts such labels (and prints them) or refuses them (and its message quotes
 * them), nothing raw may reach either stream.
 */
class UriCommandTest {
    /** ESC [2J (clear screen), NUL, NEL, a right-to-left override, an isolate, a zero-width space. */
    private static final String HOSTILE_ISSUER = "Evil%1B%5B2J%00%C2%85%E2%80%AE%E2%81%A6%E2%80%8B";
    /** A line feed followed by a forged secret line with a fullwidth colon. */
    private static final String HOSTILE_ACCOUNT = "bob%0Asecret%EF%BC%9A%20AAAAAAAAAAAAAAAA";

    private static CommandRun parse(String uri) {
        return CommandRun.of(UriCommand::run, "--parse", uri);
    }

    @Test
    void neverPrintsControlBidiOrZeroWidthCharactersOfTheLabel() {
        CommandRun run = parse("otpauth://totp/" + HOSTILE_ISSUER + ":" + HOSTILE_ACCOUNT + "?secret=JBSWY3DPEHPK3PXP");

        assertTrue(run.exit == Usage.OK || run.exit == Usage.BAD_ARGUMENTS, "exit " + run.exit);
        assertNothingButTextAndLineFeeds(run.stdout);
        assertNothingButTextAndLineFeeds(run.stderr);
        if (run.exit == Usage.OK) {
            List<String> lines = run.stdout.lines().collect(Collectors.toList());
            assertEquals(7, lines.size(), run.stdout);
            assertEquals("issuer:    Evil\\u{001B}[2J\\u{0000}\\u{0085}\\u{202E}\\u{2066}\\u{200B}", lines.get(1));
            assertEquals("account:   bob\\u{000A}secret\uFF1A AAAAAAAAAAAAAAAA", lines.get(2));
        }
    }

    @Test
    void printsEveryFieldOfAPlainUriAsItIs() {
        CommandRun run = parse("otpauth://hotp/ACME:alice@example.com?secret=JBSWY3DPEHPK3PXP&counter=7");

        assertEquals(Usage.OK, run.exit);
        assertEquals(String.join("\n",
                "type:      hotp",
                "issuer:    ACME",
                "account:   alice@example.com",
                "secret:    JBSWY3DPEHPK3PXP (80 bits, shorter than the 128 RFC 4226 requires: renew it)",
                "algorithm: SHA1",
                "digits:    6",
                "counter:   7",
                ""), run.stdout);
        assertEquals("", run.stderr);
    }

    private static void assertNothingButTextAndLineFeeds(String output) {
        output.codePoints().filter(c -> c != '\n').forEach(c -> {
            int type = Character.getType(c);
            assertTrue(type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE,
                    () -> String.format("U+%04X printed raw in:%n%s", c, output));
        });
    }
}
