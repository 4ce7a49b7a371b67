package dev.otpkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.jdbc.OtpkitSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link JdbcVerifyBenchmark} beside {@link BareUpdateBaseline} and prints one table: for
 * each kind of login, database and thread count, the logins per second through otp-jdbc, the
 * database's own limit for as many single-row updates as a login makes round trips, their ratio,
 * the latency percentiles of a login and the baseline's median, and the round trips. The
 * medians' ratio tells the same as the throughputs' with less noise on a busy machine: a thread
 * that loses its processor for a while slows the mean, not the median. The round trips are counted first
 * ({@link RoundTrips}), in this JVM, and set the baseline's statements; JMH's own logs go to
 * files, one per database and thread count, named on the first line.
 *
 * <p>A busy machine's load changes from minute to minute, and a login and its baseline are
 * compared only if they ran under the same load. So each point is measured in rounds (two by
 * default), each round a fork of the baseline and one of the logins, their order swapped from one
 * round to the next, each fork with 2 warm-up iterations of 1 s and 3 measured iterations of 2 s;
 * a point's figures pool its rounds. The whole run (2 databases, 3 thread counts, 2 rounds: 48
 * trials) takes about 10 minutes. PostgreSQL is one server for the run, a new database on it for
 * each trial; H2 a new file for each trial.
 *
 * <p>Arguments: {@code --quick} and {@code --log FILE} as for {@link Compare} (default log
 * {@code jdbc-compare-jmh.log}); {@code --threads 1,8,32}, {@code --databases h2,postgresql} and
 * {@code --rounds 2} (the defaults) to run fewer or more.
 */
public final class JdbcCompare {
    /** The share of the baseline's throughput that otp-jdbc is meant to reach. */
    private static final double GOAL = 0.70;
    private static final double MICROS_PER_SECOND = 1e6;
    private static final String VERIFY = JdbcVerifyBenchmark.class.getName() + ".verify$";
    private static final String BASELINE = BareUpdateBaseline.class.getName() + ".update$";

    private final RunSettings settings;
    private final List<Integer> threads;
    private final List<String> databases;
    private final int rounds;
    private final Map<String, Map<JdbcLogins.Kind, RoundTrips>> roundTrips = new LinkedHashMap<>();
    private final List<RunResult> results = new ArrayList<>();
    /** The JVM option naming the run's PostgreSQL server to the forks, or none. */
    private String postgresqlPort;

    private JdbcCompare(RunSettings settings, List<Integer> threads, List<String> databases, int rounds) {
        this.settings = settings;
        this.threads = threads;
        this.databases = databases;
        this.rounds = rounds;
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code --quick}, {@code --log FILE}, {@code --threads LIST},
     *     {@code --databases LIST} and {@code --rounds N}, all optional
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static void main(String[] args) throws RunnerException {
        RunSettings settings = RunSettings.parse(args, "jdbc-compare-jmh.log");
        List<String> threads = List.of("1", "8", "32");
        List<String> databases = List.of(DatabaseServer.H2, DatabaseServer.POSTGRESQL);
        String rounds = "2";
        List<String> rest = settings.rest();
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            if (rest.get(i).equals("--threads")) {
                threads = Arrays.asList(rest.get(i + 1).split(","));
            } else if (rest.get(i).equals("--databases")) {
                databases = Arrays.asList(rest.get(i + 1).split(","));
            } else if (rest.get(i).equals("--rounds")) {
                rounds = rest.get(i + 1);
            } else {
                usage();
            }
        }
        if (rest.size() % 2 != 0) {
            usage();
        }
        new JdbcCompare(settings, threads.stream().map(Integer::valueOf).collect(Collectors.toList()), databases,
                Integer.parseInt(rounds)).run();
    }

    private static void usage() {
        System.err.println("usage: jdbc-compare [--quick] [--log FILE] [--threads 1,8,32] [--databases h2,postgresql]"
                + " [--rounds 2]");
        System.exit(2);
    }

    private void run() throws RunnerException {
        System.out.printf("JVM %s %s; JMH logs in %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), settings.logs());
        DatabaseServer postgresql = databases.contains(DatabaseServer.POSTGRESQL) ? startPostgresql() : null;
        try {
            countRoundTrips();
            for (String database : databases) {
                for (int count : threads) {
                    measure(database, count);
                }
            }
        } finally {
            if (postgresql != null) {
                postgresql.close();
            }
        }
        printTable();
    }

    /**
     * Starts the one PostgreSQL server of the run, and names its port to this JVM's trials and
     * the forks' (each trial makes a database of its own on it): starting a server per trial
     * would take seconds each. It stops when closed, or at the latest when this JVM exits.
     */
    private DatabaseServer startPostgresql() {
        try {
            DatabaseServer server = DatabaseServer.startPostgresql();
            postgresqlPort = "-D" + DatabaseServer.POSTGRESQL_PORT + "=" + server.port();
            System.setProperty(DatabaseServer.POSTGRESQL_PORT, String.valueOf(server.port()));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
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

    /** The rounds of a database and thread count: the baselines the logins need, and both logins. */
    private void measure(String database, int count) throws RunnerException {
        TreeSet<String> statements = new TreeSet<>();
        for (RoundTrips trips : roundTrips.get(database).values()) {
            statements.add(String.valueOf(Math.round(trips.statements())));
        }
        for (int round = 1; round <= rounds; round++) {
            List<String> order = round % 2 == 1 ? List.of(BASELINE, VERIFY) : List.of(VERIFY, BASELINE);
            for (String benchmark : order) {
                String run = database + "-" + count + "-" + round + (benchmark.equals(VERIFY) ? "-verify" : "-baseline");
                ChainedOptionsBuilder options = settings.options(run)
                        .include(benchmark)
                        .param("database", database)
                        .param("statements", statements.toArray(new String[0]))
                        .param("key", "varchar")
                        .threads(count);
                if (postgresqlPort != null) {
                    options.jvmArgsAppend(postgresqlPort);
                }
                if (!settings.quick()) {
                    options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(2));
                }
                results.addAll(new Runner(options.build()).run());
            }
        }
    }

    private void printTable() {
        System.out.printf("%nLogins through otp-jdbc (verify) beside as many bare single-row UPDATEs per operation"
                + " (baseline): operations per second (± 99.9%% confidence) and latency in microseconds%n");
        System.out.printf("%-6s %-11s %3s %5s %10s %8s %10s %8s %5s %5s %8s %8s %9s %5s%n", "login", "database",
                "thr", "trips", "verify/s", "± error", "limit/s", "± error", "ratio", "± err", "p50", "p99",
                "limit p50", "p50 r");
        for (JdbcLogins.Kind kind : JdbcLogins.Kind.values()) {
            String login = kind.name().toLowerCase(Locale.ROOT);
            for (String database : databases) {
                int trips = (int) Math.round(roundTrips.get(database).get(kind).statements());
                for (int count : threads) {
                    printRow(login, database, count, trips);
                }
            }
        }
        System.out.printf("ratio: verify/s over limit/s, the goal is at least %.2f at every point; p50 r: the"
                + " baseline's median latency over verify's.%n", GOAL);
    }

    private void printRow(String login, String database, int count, int trips) {
        Predicate<RunResult> point = r -> r.getParams().getParam("database").equals(database)
                && r.getParams().getThreads() == count;
        RunResult verify = find(point.and(r -> isVerify(r) && r.getParams().getParam("login").equals(login)));
        RunResult limit = find(point.and(r -> !isVerify(r)
                && r.getParams().getParam("statements").equals(String.valueOf(trips))));
        Statistics verifyRate = perSecond(verify);
        Statistics limitRate = perSecond(limit);
        double ratio = verifyRate.getMean() / limitRate.getMean();
        double ratioError = ratio * Math.hypot(error(verifyRate) / verifyRate.getMean(),
                error(limitRate) / limitRate.getMean());
        Statistics latency = verify.getPrimaryResult().getStatistics();
        double limitMedian = limit.getPrimaryResult().getStatistics().getPercentile(50);
        System.out.printf(Locale.ROOT, "%-6s %-11s %3d %5d %,10.0f %,8.0f %,10.0f %,8.0f %5.2f %5.2f %8.1f %8.1f"
                + " %9.1f %5.2f%n", login, database, count, trips, verifyRate.getMean(), error(verifyRate),
                limitRate.getMean(), error(limitRate), ratio, ratioError, latency.getPercentile(50),
                latency.getPercentile(99), limitMedian, limitMedian / latency.getPercentile(50));
    }

    /**
     * Operations per second of each measured iteration: its threads over its mean latency, since
     * each thread runs operations back to back.
     */
    private static Statistics perSecond(RunResult result) {
        ListStatistics rates = new ListStatistics();
        int threads = result.getParams().getThreads();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                rates.addValue(threads * MICROS_PER_SECOND / iteration.getPrimaryResult().getScore());
            }
        }
        return rates;
    }

    /** Half the 99.9% confidence interval, as JMH reports its scores. */
    private static double error(Statistics statistics) {
        return statistics.getMeanErrorAt(0.999);
    }

    private static boolean isVerify(RunResult result) {
        return result.getParams().getBenchmark().startsWith(JdbcVerifyBenchmark.class.getName());
    }

    /** The rounds of one benchmark at one point, pooled as the forks of one run. */
    private RunResult find(Predicate<RunResult> wanted) {
        List<RunResult> found = results.stream().filter(wanted).collect(Collectors.toList());
        if (found.size() != rounds) {
            throw new IllegalStateException("expected " + rounds + " rounds, found " + found.size());
        }
        List<BenchmarkResult> forks = new ArrayList<>();
        found.forEach(result -> forks.addAll(result.getBenchmarkResults()));
        return new RunResult(found.get(0).getParams(), forks);
    }
}
