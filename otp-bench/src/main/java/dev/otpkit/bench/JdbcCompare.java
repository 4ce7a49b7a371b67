package dev.otpkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.jdbc.OtpkitSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Runs {@link JdbcVerifyBenchmark} beside {@link BareUpdateBaseline} and prints one table: for
 * each kind of login, database and thread count, the logins per second through otp-jdbc, the
 * database's own limit for as many single-row updates as a login makes round trips, their ratio,
 * the latency percentiles of a login, and its round trips. The round trips are counted first
 * ({@link RoundTrips}), in this JVM, and set the baseline's statements; JMH's own logs go to
 * files, one per database and thread count, named on the first line.
 *
 * <p>Arguments: {@code --quick} and {@code --log FILE} as for {@link Compare} (default log
 * {@code jdbc-compare-jmh.log}); {@code --threads 1,8,32} and {@code --databases h2,postgresql}
 * (the defaults) to run fewer points.
 */
public final class JdbcCompare {
    /** The share of the baseline's throughput that otp-jdbc is meant to reach. */
    private static final double GOAL = 0.70;
    private static final double MICROS_PER_SECOND = 1e6;

    private final RunSettings settings;
    private final List<Integer> threads;
    private final List<String> databases;
    private final Map<String, Map<JdbcLogins.Kind, RoundTrips>> roundTrips = new LinkedHashMap<>();
    private final List<RunResult> results = new ArrayList<>();

    private JdbcCompare(RunSettings settings, List<Integer> threads, List<String> databases) {
        this.settings = settings;
        this.threads = threads;
        this.databases = databases;
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code --quick}, {@code --log FILE}, {@code --threads LIST} and
     *     {@code --databases LIST}, all optional
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static void main(String[] args) throws RunnerException {
        RunSettings settings = RunSettings.parse(args, "jdbc-compare-jmh.log");
        List<String> threads = List.of("1", "8", "32");
        List<String> databases = List.of(DatabaseServer.H2, DatabaseServer.POSTGRESQL);
        List<String> rest = settings.rest();
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            if (rest.get(i).equals("--threads")) {
                threads = Arrays.asList(rest.get(i + 1).split(","));
            } else if (rest.get(i).equals("--databases")) {
                databases = Arrays.asList(rest.get(i + 1).split(","));
            } else {
                usage();
            }
        }
        if (rest.size() % 2 != 0) {
            usage();
        }
        new JdbcCompare(settings, threads.stream().map(Integer::valueOf).collect(Collectors.toList()), databases)
                .run();
    }

    private static void usage() {
        System.err.println("usage: jdbc-compare [--quick] [--log FILE] [--threads 1,8,32] [--databases h2,postgresql]");
        System.exit(2);
    }

    private void run() throws RunnerException {
        System.out.printf("JVM %s %s; JMH logs in %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), settings.logs());
        countRoundTrips();
        for (String database : databases) {
            for (int count : threads) {
                measure(database, count);
            }
        }
        printTable();
    }

    /** Counts each database's round trips per login, and prints them, first logins included. */
    private void countRoundTrips() {
        System.out.printf("%nRound trips per login: statements [transaction control]%n");
        System.out.printf("%-11s %12s %14s %12s %14s%n", "database", "right", "right, first", "wrong", "wrong, first");
        for (String database : databases) {
            Map<JdbcLogins.Kind, RoundTrips> seeded = new EnumMap<>(JdbcLogins.Kind.class);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s", database));
            try (DatabaseServer server = DatabaseServer.start(database); HikariDataSource pool = server.pool(1)) {
                OtpkitSchema.create(pool);
                for (JdbcLogins.Kind kind : JdbcLogins.Kind.values()) {
                    RoundTrips usual = RoundTrips.perLogin(pool, kind, true, kind + "-seeded-");
                    RoundTrips first = RoundTrips.perLogin(pool, kind, false, kind + "-first-");
                    seeded.put(kind, usual);
                    line.append(String.format(Locale.ROOT, " %7.2f [%.0f] %9.2f [%.0f]", usual.statements(),
                            usual.transactionControl(), first.statements(), first.transactionControl()));
                }
            }
            roundTrips.put(database, seeded);
            System.out.println(line);
        }
    }

    /** One JMH run per database and thread count: both logins in both modes, and the baselines they need. */
    private void measure(String database, int count) throws RunnerException {
        TreeSet<String> statements = new TreeSet<>();
        for (RoundTrips trips : roundTrips.get(database).values()) {
            statements.add(String.valueOf(Math.round(trips.statements())));
        }
        ChainedOptionsBuilder options = settings.options(database + "-" + count)
                .include(JdbcVerifyBenchmark.class.getName() + ".verify$")
                .include(BareUpdateBaseline.class.getName() + ".update$")
                .param("database", database)
                .param("statements", statements.toArray(new String[0]))
                .threads(count);
        results.addAll(new Runner(options.build()).run());
    }

    private void printTable() {
        System.out.printf("%nLogins through otp-jdbc (verify) beside the same number of bare single-row UPDATEs"
                + " (baseline), per second; latency of a login in microseconds%n");
        System.out.printf("%-6s %-11s %7s %12s %9s %12s %9s %6s %6s %9s %9s %6s%n", "login", "database", "threads",
                "verify/s", "± error", "baseline/s", "± error", "ratio", "± err", "p50 µs", "p99 µs", "trips");
        for (JdbcLogins.Kind kind : JdbcLogins.Kind.values()) {
            String login = kind.name().toLowerCase(Locale.ROOT);
            for (String database : databases) {
                int trips = (int) Math.round(roundTrips.get(database).get(kind).statements());
                for (int count : threads) {
                    printRow(login, database, count, trips);
                }
            }
        }
        System.out.printf("Goal: ratio at least %.2f at every point.%n", GOAL);
    }

    private void printRow(String login, String database, int count, int trips) {
        Predicate<RunResult> point = r -> r.getParams().getParam("database").equals(database)
                && r.getParams().getThreads() == count;
        RunResult throughput = find(point.and(r -> isVerify(r) && r.getParams().getMode() == Mode.Throughput
                && r.getParams().getParam("login").equals(login)));
        RunResult latency = find(point.and(r -> isVerify(r) && r.getParams().getMode() == Mode.SampleTime
                && r.getParams().getParam("login").equals(login)));
        RunResult baseline = find(point.and(r -> !isVerify(r)
                && r.getParams().getParam("statements").equals(String.valueOf(trips))));
        Result<?> verify = throughput.getPrimaryResult();
        Result<?> limit = baseline.getPrimaryResult();
        double ratio = verify.getScore() / limit.getScore();
        double ratioError = ratio * Math.hypot(verify.getScoreError() / verify.getScore(),
                limit.getScoreError() / limit.getScore());
        System.out.printf(Locale.ROOT, "%-6s %-11s %7d %,12.0f %,9.0f %,12.0f %,9.0f %6.2f %6.2f %9.1f %9.1f %6d%n",
                login, database, count, verify.getScore() * MICROS_PER_SECOND,
                verify.getScoreError() * MICROS_PER_SECOND, limit.getScore() * MICROS_PER_SECOND,
                limit.getScoreError() * MICROS_PER_SECOND, ratio, ratioError,
                latency.getPrimaryResult().getStatistics().getPercentile(50),
                latency.getPrimaryResult().getStatistics().getPercentile(99), trips);
    }

    private static boolean isVerify(RunResult result) {
        return result.getParams().getBenchmark().startsWith(JdbcVerifyBenchmark.class.getName());
    }

    private RunResult find(Predicate<RunResult> wanted) {
        Collection<RunResult> found = results.stream().filter(wanted).collect(Collectors.toList());
        if (found.size() != 1) {
            throw new IllegalStateException("expected one result, found " + found.size());
        }
        return found.iterator().next();
    }
}
