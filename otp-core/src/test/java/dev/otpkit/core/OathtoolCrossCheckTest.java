package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    /** Around the block lengths (64 bytes for SHA-1 and SHA-256, 128 for SHA-512) and beyond. */
    private static final int[] KEY_LENGTHS = {1, 20, 63, 64, 65, 127, 128, 129, 200};
    /** First counters of runs of {@link #RUN} counters: the start, across 2^32, far ahead. */
    private static final long[] FIRST_COUNTERS = {0, 0xFFFF_FFFEL, 20_000_000_000L};
    private static final int RUN = 4;

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

    /**
     * HOTP of each algorithm, every code length, keys around and past the block length, and
     * counters past 32 bits. oathtool's {@code --hotp} knows only SHA-1, so its TOTP mode stands
     * in: with 1-second steps from T0 = 0, the step at second N is the counter N (RFC 6238
     * section 4.2); {@code --window} prints the codes of the following counters too.
     */
    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void hotpOfEveryAlgorithmAgreesWithOathtoolForEveryDigitCountAndKeyLength(HmacAlgorithm algorithm)
            throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(algorithm.ordinal());
        for (int keyLength : KEY_LENGTHS) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            OtpSecret secret = OtpSecret.fromBytesLegacy(key);
            for (int digits = Hotp.MIN_DIGITS; digits <= Hotp.MAX_DIGITS; digits++) {
                Hotp hotp = Hotp.builder().algorithm(algorithm).digits(digits).build();
                for (long first : FIRST_COUNTERS) {
                    List<String> theirs = oathtool(List.of("--totp=" + algorithm.uriName().toLowerCase(),
                            "--digits=" + digits, "--time-step-size=1s", "--start-time=@0", "--now=@" + first,
                            "--window=" + (RUN - 1), HexFormat.of().formatHex(key))).lines().toList();
                    List<String> ours = LongStream.range(first, first + RUN)
                            .mapToObj(counter -> hotp.generate(secret, counter)).toList();
                    assertEquals(theirs, ours, keyLength + "-byte key, " + hotp + ", counters from " + first);
                }
            }
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
