package dev.otpkit.bench;

import dev.otpkit.core.IssuedCode;
import dev.otpkit.core.OneTimeCodes;
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

/**
 * How long an email/SMS code takes: issuing one (random digits, keyed hash, store) and then
 * verifying it (hash, constant-time compare, atomic consume). The two are measured together,
 * because a verified code is consumed and cannot be verified again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OneTimeCodeBenchmark {
    private static final String ACCOUNT = "alice";
    private static final String SCOPE = "login";

    private OneTimeCodes codes;

    /** Builds the service with its defaults: 6 digits, 10 minutes, in-memory store. */
    @Setup
    public void setUp() {
        codes = OneTimeCodes.builder().build();
    }

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public OneTimeCodeBenchmark() {
    }

    /**
     * Issues a code, then verifies it.
     *
     * @return whether it was accepted (always)
     */
    @Benchmark
    public boolean issueAndVerify() {
        IssuedCode issued = codes.issue(ACCOUNT, SCOPE);
        return codes.verify(ACCOUNT, SCOPE, issued.code()).isValid();
    }

    /**
     * Issues a code only, for the share of issuing in {@link #issueAndVerify()}.
     *
     * @return the code issued
     */
    @Benchmark
    public IssuedCode issue() {
        return codes.issue(ACCOUNT, SCOPE);
    }
}
