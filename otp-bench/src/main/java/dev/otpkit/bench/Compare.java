package dev.otpkit.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Runs {@link VerifyBenchmark} and prints what a reader wants from it as three tables: every
 * implementation on a wrong code with a ±1 window, with its time, allocation and ratio to
 * otpkit; otpkit's cost per window size; otpkit's throughput on one and two threads. JMH's own
 * logs go to files, named on the first line.
 *
 * <p>Arguments: {@code --quick} for one fork and short iterations (a smoke run, wide errors);
 * {@code --log FILE} for where JMH's logs go (default {@code compare-jmh.log}, one file per run:
 * {@code compare-jmh-peers.log} and so on).
 */
public final class Compare {
    private static final String OTPKIT = "otpkit";
    private static final String[] IMPLEMENTATIONS = {
        OTPKIT, "jdkClonedPads", "jcaReusedMac", "javaOtp", "googleauth", "otpJava", "samstevensTotp",
    };
    private static final String[] WINDOWS = {"0", "1", "3"};

    private final RunSettings settings;

    private Compare(RunSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code --quick} and {@code --log FILE}, both optional
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static void main(String[] args) throws RunnerException {
        RunSettings settings = RunSettings.parse(args, "compare-jmh.log");
        if (!settings.rest().isEmpty()) {
            System.err.println("usage: compare [--quick] [--log FILE]");
            System.exit(2);
        }
        new Compare(settings).run();
    }

    private void run() throws RunnerException {
        System.out.printf("JVM %s %s; JMH logs in %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), settings.logs());
        peers();
        windows();
        threads();
    }

    /** Every implementation, wrong code, ±1 window, with the GC profiler for bytes per operation. */
    private void peers() throws RunnerException {
        ChainedOptionsBuilder options = options("peers", TimeUnit.NANOSECONDS)
                .param("window", "1")
                .addProfiler(GCProfiler.class);
        for (String implementation : IMPLEMENTATIONS) {
            options.include(VerifyBenchmark.class.getName() + "." + implementation + "$");
        }
        List<RunResult> results = new ArrayList<>(new Runner(options.build()).run());
        System.out.printf("%nTOTP verify of a wrong code, window ±1 (3 HMAC-SHA1), one thread%n");
        System.out.printf("%-16s %14s %12s %10s %10s%n", "implementation", "ns/op", "± error", "B/op", "x otpkit");
        double otpkit = score(find(results, OTPKIT));
        for (String implementation : IMPLEMENTATIONS) {
            RunResult result = find(results, implementation);
            Result<?> primary = result.getPrimaryResult();
            System.out.printf(Locale.ROOT, "%-16s %,14.1f %12.1f %,10.1f %10.2f%n", implementation,
                    primary.getScore(), primary.getScoreError(), bytesPerOp(result), primary.getScore() / otpkit);
        }
    }

    /** otpkit alone over windows of 0, 1 and 3 steps each side: 1, 3 and 7 HMACs. */
    private void windows() throws RunnerException {
        ChainedOptionsBuilder options = options("windows", TimeUnit.NANOSECONDS)
                .include(VerifyBenchmark.class.getName() + "." + OTPKIT + "$")
                .param("window", WINDOWS);
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.printf("%notpkit, wrong code, by window%n");
        System.out.printf("%-8s %6s %14s %12s %14s%n", "window", "HMACs", "ns/op", "± error", "ns per HMAC");
        for (String window : WINDOWS) {
            RunResult result = results.stream()
                    .filter(r -> r.getParams().getParam("window").equals(window))
                    .findFirst().orElseThrow();
            int hmacs = 2 * Integer.parseInt(window) + 1;
            Result<?> primary = result.getPrimaryResult();
            System.out.printf(Locale.ROOT, "±%-7s %6d %,14.1f %12.1f %,14.1f%n", window, hmacs, primary.getScore(),
                    primary.getScoreError(), primary.getScore() / hmacs);
        }
    }

    /** otpkit alone, throughput on one thread and on two sharing nothing but the verifier's code. */
    private void threads() throws RunnerException {
        System.out.printf("%notpkit, wrong code, window ±1, throughput by threads%n");
        System.out.printf("%-8s %16s %14s %10s%n", "threads", "ops/ms", "± error", "x 1 thread");
        double single = 0;
        for (int threads = 1; threads <= 2; threads++) {
            ChainedOptionsBuilder options = options("threads-" + threads, TimeUnit.MILLISECONDS)
                    .include(VerifyBenchmark.class.getName() + "." + OTPKIT + "$")
                    .param("window", "1")
                    .mode(org.openjdk.jmh.annotations.Mode.Throughput)
                    .threads(threads);
            RunResult result = new Runner(options.build()).runSingle();
            Result<?> primary = result.getPrimaryResult();
            if (threads == 1) {
                single = primary.getScore();
            }
            System.out.printf(Locale.ROOT, "%-8d %,16.1f %14.1f %10.2f%n", threads, primary.getScore(),
                    primary.getScoreError(), primary.getScore() / single);
        }
    }

    private ChainedOptionsBuilder options(String run, TimeUnit unit) {
        return settings.options(run)
                .param("code", "wrong")
                .timeUnit(unit);
    }

    private static RunResult find(Collection<RunResult> results, String implementation) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + implementation))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + implementation));
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    /** The GC profiler's normalised allocation; its key lost a leading '·' in JMH 1.37. */
    private static double bytesPerOp(RunResult result) {
        for (String name : result.getSecondaryResults().keySet()) {
            if (name.endsWith("gc.alloc.rate.norm")) {
                return result.getSecondaryResults().get(name).getScore();
            }
        }
        return Double.NaN;
    }
}
