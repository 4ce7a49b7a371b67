package dev.otpkit.bench;

import dev.otpkit.core.HmacAlgorithm;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long computing one TOTP code takes, per hash function: one HMAC, the truncation and the
 * code as a string (the one allocation generation needs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GenerateBenchmark {
    /** The HMAC hash function. */
    @Param({"SHA1", "SHA256", "SHA512"})
    public HmacAlgorithm algorithm;

    private Totp totp;
    private OtpSecret secret;

    /** Builds the generator and secret (RFC 6238 test secret length for the algorithm). */
    @Setup
    public void setUp() {
        totp = Totp.builder().algorithm(algorithm).build();
        secret = OtpSecret.fromBytes(Arrays.copyOf(Scenario.SECRET, rfc6238SecretLength(algorithm)));
    }

    /** RFC 6238 appendix B's secret lengths: the digest length of each hash function, in bytes. */
    private static int rfc6238SecretLength(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
    }

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public GenerateBenchmark() {
    }

    /**
     * One code at the scenario's instant.
     *
     * @return the code
     */
    @Benchmark
    public String generate() {
        return totp.generate(secret, Scenario.TIME);
    }
}
