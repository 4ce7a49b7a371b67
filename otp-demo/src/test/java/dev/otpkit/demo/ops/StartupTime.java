package dev.otpkit.demo.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the packaged demo's start-up on its embedded defaults (H2 in a file, GreenMail): from
 * just before {@code ProcessBuilder.start} to the first 200 of {@code GET /}, polled every 15 ms,
 * on a fresh data directory (keys made, tables created) and on an existing one, alternately.
 * Prints every run and the median, minimum and maximum of each kind, of the wall-clock time and
 * of the processor time the demo used until then (which other work on the machine changes less). Not a test: nothing asserts
 * a time. Run it with {@code otp-demo/startup-time.sh}, on the JVM that should run the demo.
 */
final class StartupTime {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private StartupTime() {
    }

    /**
     * Measures.
     *
     * @param args the jar; optionally the number of runs of each kind (default 7); then options for
     *     the demo's JVM, such as {@code -XX:TieredStopAtLevel=1}
     * @throws IOException if a temporary directory cannot be made
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: StartupTime JAR [RUNS] [JVM OPTION...]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> jvmOptions = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        System.out.printf("Java %s (%s), %d processors, load average %.2f, JVM options %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), loadAverage(), jvmOptions);

        Path existing = Files.createTempDirectory("otp-demo-startup-");
        try {
            Run first = measure(jar, existing, jvmOptions);
            System.out.printf("warm-up (creates the existing data directory): %s%n", first);
            List<Run> fresh = new ArrayList<>();
            List<Run> again = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path empty = Files.createTempDirectory("otp-demo-startup-");
                try {
                    fresh.add(measure(jar, empty, jvmOptions));
                } finally {
                    DemoProcess.deleteTree(empty);
                }
                again.add(measure(jar, existing, jvmOptions));
                System.out.printf("run %d: fresh %s; existing %s%n", run, fresh.get(run - 1), again.get(run - 1));
            }
            System.out.println(summary("fresh data directory, wall", fresh.stream().map(Run::wall).toList()));
            System.out.println(summary("fresh data directory, CPU", fresh.stream().map(Run::cpu).toList()));
            System.out.println(summary("existing data directory, wall", again.stream().map(Run::wall).toList()));
            System.out.println(summary("existing data directory, CPU", again.stream().map(Run::cpu).toList()));
            System.out.printf("load average at the end %.2f%n", loadAverage());
        } finally {
            DemoProcess.deleteTree(existing);
        }
    }

    /**
     * One start.
     *
     * @param wall from just before the process started to the first page served
     * @param cpu the processor time the demo had used by then (user and system, all threads)
     */
    private record Run(Duration wall, Duration cpu) {
        @Override
        public String toString() {
            return wall.toMillis() + " ms (CPU " + cpu.toMillis() + " ms)";
        }
    }

    private static Run measure(Path jar, Path workingDirectory, List<String> jvmOptions) {
        try (DemoProcess demo = DemoProcess.start(jar, workingDirectory, jvmOptions, List.of())) {
            Run startUp = new Run(demo.awaitFirstPage(START_TIMEOUT), demo.cpuTime().orElse(Duration.ZERO));
            int exit = demo.stop();
            if (exit != 143) {
                throw new IllegalStateException("the demo did not stop cleanly (" + exit + "):\n" + demo.logTail());
            }
            return startUp;
        }
    }

    /** {@code name: median M ms (min A, max B) of N runs}. */
    static String summary(String name, List<Duration> times) {
        List<Long> millis = times.stream().map(Duration::toMillis).sorted().toList();
        int n = millis.size();
        long median = n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2;
        return String.format("%s: median %d ms (min %d, max %d) of %d runs", name, median, millis.get(0),
                millis.get(n - 1), n);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
