package dev.otpkit.bench;

import dev.otpkit.core.OtpSecret;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** How long reading a stored Base32 secret takes, as a verifier that keeps secrets as text does. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Base32Benchmark {
    /** 160 bits as an authenticator app shows them: lower case, in groups of four. */
    private final String typed = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq";

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public Base32Benchmark() {
    }

    /**
     * Decodes the canonical form, 32 upper-case letters and digits.
     *
     * @return the secret
     */
    @Benchmark
    public OtpSecret decode() {
        return OtpSecret.fromBase32(Scenario.SECRET_BASE32);
    }

    /**
     * Decodes the form a user types, with case and spaces to skip.
     *
     * @return the secret
     */
    @Benchmark
    public OtpSecret decodeTyped() {
        return OtpSecret.fromBase32(typed);
    }

    /**
     * Encodes 160 bits.
     *
     * @return upper-case Base32 without padding
     */
    @Benchmark
    public String encode() {
        return OtpSecret.fromBytes(Scenario.SECRET).toBase32();
    }
}
