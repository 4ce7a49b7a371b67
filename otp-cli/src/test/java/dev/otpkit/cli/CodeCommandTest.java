package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeCommandTest {
    /** RFC 6238's SHA-1 key in Base32: 160 bits. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void warnsOnStandardErrorAboutASecretShorterThan128BitsAndKeepsStandardOutputToTheCode() {
        CommandRun run = CommandRun.of(CodeCommand::run, "--secret", "AA", "--time", "59");

        assertEquals(Usage.OK, run.exit);
        assertEquals("otp: warning: the secret has 8 bits, shorter than the 128 RFC 4226 requires: renew it\n",
                run.stderr);
        assertEquals(1, run.stdout.lines().count(), run.stdout);
        assertEquals(7, run.stdout.length(), "six digits and a line feed: " + run.stdout);
    }

    @Test
    void saysNothingOnStandardErrorForASecretOf128BitsOrMore() {
        CommandRun run = CommandRun.of(CodeCommand::run, "--secret", RFC_SECRET, "--time", "59", "--digits", "8");

        assertEquals(Usage.OK, run.exit);
        assertEquals("94287082\n", run.stdout);
        assertEquals("", run.stderr);
    }
}
