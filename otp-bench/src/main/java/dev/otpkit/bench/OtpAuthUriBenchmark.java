package dev.otpkit.bench;

import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** How long building and reading an enrolment URI take, with a label that needs percent-encoding. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OtpAuthUriBenchmark {
    private OtpAuthUri uri;
    private String text;

    /** Builds the URI once, so each benchmark measures one direction only. */
    @Setup
    public void setUp() {
        uri = OtpAuthUri.builder()
                .secret(OtpSecret.fromBytes(Scenario.SECRET))
                .issuer("Example Bank")
                .account("alice+2fa@example.com")
                .build();
        text = uri.toUriString();
    }

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public OtpAuthUriBenchmark() {
    }

    /**
     * Formats the URI.
     *
     * @return the {@code otpauth://} text
     */
    @Benchmark
    public String format() {
        return uri.toUriString();
    }

    /**
     * Parses the URI.
     *
     * @return the parsed URI
     */
    @Benchmark
    public OtpAuthUri parse() {
        return OtpAuthUri.parse(text);
    }
}
