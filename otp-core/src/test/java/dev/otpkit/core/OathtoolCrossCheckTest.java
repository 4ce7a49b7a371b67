package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks otpkit against oathtool (OATH Toolkit), an independent C implementation, over
 * random secrets, times, algorithms, code lengths, periods and T0. The secret is handed over in
 * Base32, so our Base32 encoder is checked too. Needs {@code oathtool} on the PATH
 * ({@code apt-get install oathtool}; {@code .ci/run} installs it).
 */
class OathtoolCrossCheckTest {
    private static final int TOTP_CASES = 1000;
    private static final int HOTP_CASES = 200;
    private static final HmacAlgorithm[] ALGORITHMS = HmacAlgorithm.values();

    @BeforeAll
    static void requireOathtool() throws InterruptedException {
        try {
            assertEquals(0, run(List.of("oathtool", "--version")).exitCode());
        } catch (IOException e) {
            throw new AssertionError("oathtool is not installed: apt-get install oathtool", e);
        }
    }

    @Test
    void totpAgreesWithOathtoolOnRandomCases() throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(6238);
        for (int i = 0; i < TOTP_CASES; i++) {
            OtpSecret secret = randomSecret(random);
            HmacAlgorithm algorithm = ALGORITHMS[random.nextInt(ALGORITHMS.length)];
            int digits = 6 + random.nextInt(3);
            long periodSeconds = random.nextBoolean() ? 30 : 1 + random.nextInt(300);
            long t0Seconds = random.nextInt(4) == 0 ? random.nextLong(1_000_000_000L) : 0;
            long timeSeconds = t0Seconds + random.nextLong(20_000_000_000L);

            Totp totp = Totp.builder().algorithm(algorithm).digits(digits)
                    .period(Duration.ofSeconds(periodSeconds)).t0(Instant.ofEpochSecond(t0Seconds)).build();
            String ours = totp.generate(secret, Instant.ofEpochSecond(timeSeconds));
            String theirs = oathtool(List.of("--totp=" + algorithm.uriName().toLowerCase(), "--base32",
                    "--digits=" + digits, "--time-step-size=" + periodSeconds + "s",
                    "--start-time=@" + t0Seconds, "--now=@" + timeSeconds, secret.toBase32()));
            int caseNumber = i;
            assertEquals(theirs, ours, () -> "case " + caseNumber + ": " + totp + " at " + timeSeconds);
        }
    }

    @Test
    void hotpAgreesWithOathtoolOnRandomCases() throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(4226);
        for (int i = 0; i < HOTP_CASES; i++) {
            OtpSecret secret = randomSecret(random);
            int digits = 6 + random.nextInt(3);
            long counter = random.nextBoolean() ? random.nextInt(1000) : random.nextLong(Long.MAX_VALUE);

            String ours = Hotp.builder().digits(digits).build().generate(secret, counter);
            String theirs = oathtool(List.of("--hotp", "--base32", "--digits=" + digits,
                    "--counter=" + counter, secret.toBase32()));
            assertEquals(theirs, ours, "counter " + counter);
        }
    }

    private static OtpSecret randomSecret(SplittableRandom random) {
        byte[] key = new byte[10 + random.nextInt(55)];
        random.nextBytes(key);
        return OtpSecret.fromBytesLegacy(key);
    }

    private static String oathtool(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("oathtool");
        command.addAll(arguments);
        Result result = run(command);
        assertEquals(0, result.exitCode(), () -> "oathtool failed: " + result.output());
        return result.output().strip();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "oathtool did not finish");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
