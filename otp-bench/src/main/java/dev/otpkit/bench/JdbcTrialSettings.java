package dev.otpkit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings that {@link JdbcVerifyBenchmark} and {@link BareUpdateBaseline} inherit, so
 * that a login and its baseline are always measured alike: state per thread, latency sampled in
 * microseconds (which gives the percentiles, and the throughput as the threads over the mean),
 * one fork.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public abstract class JdbcTrialSettings {
    /** For the benchmarks. */
    protected JdbcTrialSettings() {
    }
}
