package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerifyCommandTest {
    /** RFC 6238's SHA-1 key in Base32: 160 bits. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void warnsOnStandardErrorAboutASecretShorterThan128BitsAndKeepsStandardOutputToTheResult() {
        String code = CommandRun.of(CodeCommand::run, "--secret", "JBSWY3DPEHPK3PXP", "--time", "59").stdout.strip();

        CommandRun run = CommandRun.of(VerifyCommand::run, "--secret", "JBSWY3DPEHPK3PXP", "--time", "59", code);

        assertEquals(Usage.OK, run.exit);
        assertEquals("valid (time step 1, drift 0)\n", run.stdout);
        assertEquals("otp: warning: the secret has 80 bits, shorter than the 128 RFC 4226 requires: renew it\n",
                run.stderr);
    }

    @Test
    void acceptsACodeAfterDoubleDash() {
        CommandRun run = CommandRun.of(VerifyCommand::run, "--secret", RFC_SECRET, "--time", "59", "--digits", "8",
                "--", "94287082");

        assertEquals(Usage.OK, run.exit, run.stderr);
        assertEquals("", run.stderr);
    }

    @Test
    void readsACodeStartingWithAHyphenAfterDoubleDashAsAMalformedCode() {
        CommandRun run = CommandRun.of(VerifyCommand::run, "--secret", RFC_SECRET, "--", "-28708");

        assertEquals(Usage.FAILED, run.exit, run.stderr);
        assertEquals("invalid: not a code of 6 digits\n", run.stdout);
        assertEquals("", run.stderr);
    }
}
