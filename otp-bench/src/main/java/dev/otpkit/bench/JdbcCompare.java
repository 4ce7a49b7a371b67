package dev.otpkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.jdbc.OtpkitSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures TOTP logins through otp-jdbc beside the database's own limit for the same work, and
 * prints one table: for each kind of login, database and thread count, the logins per second
 * through otp-jdbc, the limit's operations per second (as many single-row updates as a login makes
 * round trips), their ratio with its 99.9% confidence interval, the latency percentiles of a login
 * and the limit's median, and the round trips. The round trips are counted first
 * ({@link RoundTrips}), in this JVM, and set the limit's statements.
 *
 * <p>Each point (a database and a thread count) is an {@link InterleavedLoad}: the logins and
 * their limits take turns in 2 s slices on one pool and database, 2 warm-up cycles and 8 measured
 * ones, each cycle giving one ratio. The whole run (2 databases, 3 thread counts) takes about 12
 * minutes. PostgreSQL is one server for the run, a new database on it for each point; H2 a new
 * file for each point. The logins are those of {@link JdbcVerifyBenchmark} and the limit that of
 * {@link BareUpdateBaseline}, which also run under JMH on their own.
 *
 * <p>Arguments: {@code --quick} (a smoke run: short slices, 3 cycles), {@code --threads 1,8,32},
 * {@code --databases h2,postgresql} and {@code --cycles 8} (the defaults) to run fewer or more.
 */
public final class JdbcCompare {
    /** The share of the baseline's throughput that otp-jdbc is meant to reach. */
    private static final double GOAL = 0.70;

    private final InterleavedLoad.Timing timing;
    private final List<Integer> threads;
    private final List<String> databases;
    private final Map<String, Map<JdbcLogins.Kind, Integer>> roundTrips = new LinkedHashMap<>();
    private final Map<String, Map<InterleavedLoad.Workload, InterleavedLoad.Measured>> points = new LinkedHashMap<>();

    private JdbcCompare(InterleavedLoad.Timing timing, List<Integer> threads, List<String> databases) {
        this.timing = timing;
        this.threads = threads;
        this.databases = databases;
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code --quick}, {@code --threads LIST}, {@code --databases LIST} and
     *     {@code --cycles N}, all optional
     * @throws SQLException if a database fails
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws SQLException, InterruptedException {
        InterleavedLoad.Timing timing = InterleavedLoad.Timing.FULL;
        List<String> threads = List.of("1", "8", "32");
        List<String> databases = List.of(DatabaseServer.H2, DatabaseServer.POSTGRESQL);
        Integer cycles = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                timing = InterleavedLoad.Timing.QUICK;
            } else if (i + 1 == args.length) {
                usage();
            } else if (args[i].equals("--threads")) {
                threads = Arrays.asList(args[++i].split(","));
            } else if (args[i].equals("--databases")) {
                databases = Arrays.asList(args[++i].split(","));
            } else if (args[i].equals("--cycles")) {
                cycles = Integer.valueOf(args[++i]);
            } else {
                usage();
            }
        }
        if (cycles != null) {
            timing = timing.withCycles(cycles);
        }
        new JdbcCompare(timing, threads.stream().map(Integer::valueOf).collect(Collectors.toList()), databases).run();
    }

    private static void usage() {
        System.err.println("usage: jdbc-compare [--quick] [--threads 1,8,32] [--databases h2,postgresql] [--cycles 8]");
        System.exit(2);
    }

    private void run() throws SQLException, InterruptedException {
        System.out.printf("JVM %s %s; %d ms slices, %d warm-up and %d measured cycles%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), timing.sliceMillis(),
                timing.warmupCycles(), timing.cycles());
        DatabaseServer postgresql = databases.contains(DatabaseServer.POSTGRESQL) ? startPostgresql() : null;
        try {
            countRoundTrips();
            for (String database : databases) {
                for (int count : threads) {
                    System.out.printf("measuring %s at %d threads%n", database, count);
                    points.put(database + "/" + count,
                            new InterleavedLoad(database, count, roundTrips.get(database), timing).run());
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
     * Starts the one PostgreSQL server of the run, and names its port to the points (each makes
     * a database of its own on it): starting a server per point would take seconds each. It stops
     * when closed, or at the latest when this JVM exits.
     */
    private static DatabaseServer startPostgresql() {
        try {
            DatabaseServer server = DatabaseServer.startPostgresql();
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
            Map<JdbcLogins.Kind, Integer> seeded = new EnumMap<>(JdbcLogins.Kind.class);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-11s", database));
            try (DatabaseServer server = DatabaseServer.start(database); HikariDataSource pool = server.pool(1)) {
                OtpkitSchema.create(pool);
                for (JdbcLogins.Kind kind : JdbcLogins.Kind.values()) {
                    RoundTrips usual = RoundTrips.perLogin(pool, kind, true, kind + "-seeded-");
                    RoundTrips first = RoundTrips.perLogin(pool, kind, false, kind + "-first-");
                    seeded.put(kind, (int) Math.round(usual.statements()));
                    line.append(String.format(Locale.ROOT, " %7.2f [%.0f] %9.2f [%.0f]", usual.statements(),
                            usual.transactionControl(), first.statements(), first.transactionControl()));
                }
            }
            roundTrips.put(database, seeded);
            System.out.println(line);
        }
    }

    private void printTable() {
        System.out.printf("%nLogins through otp-jdbc (verify) beside as many bare single-row UPDATEs per operation"
                + " (limit), taking turns: operations per second, the ratio (± 99.9%% confidence, from the cycles'"
                + " ratios) and latency in microseconds%n");
        System.out.printf("%-6s %-11s %3s %5s %10s %10s %5s %5s %5s %8s %9s %9s  %s%n", "login", "database", "thr",
                "trips", "verify/s", "limit/s", "ratio", "± err", "min", "p50", "p99", "limit p50", "ratio per cycle");
        for (JdbcLogins.Kind kind : JdbcLogins.Kind.values()) {
            for (String database : databases) {
                for (int count : threads) {
                    printRow(kind, database, count);
                }
            }
        }
        System.out.printf("ratio: verify/s over limit/s in each cycle, their mean; the goal is at least %.2f at"
                + " every point. min: the lowest cycle's.%n", GOAL);
    }

    private void printRow(JdbcLogins.Kind kind, String database, int count) {
        Map<InterleavedLoad.Workload, InterleavedLoad.Measured> point = points.get(database + "/" + count);
        boolean right = kind == JdbcLogins.Kind.RIGHT;
        InterleavedLoad.Measured verify = point.get(right ? InterleavedLoad.Workload.RIGHT_LOGIN
                : InterleavedLoad.Workload.WRONG_LOGIN);
        InterleavedLoad.Measured limit = point.get(right ? InterleavedLoad.Workload.RIGHT_LIMIT
                : InterleavedLoad.Workload.WRONG_LIMIT);
        double[] perCycle = new double[verify.perSecond().length];
        for (int cycle = 0; cycle < perCycle.length; cycle++) {
            perCycle[cycle] = verify.perSecond()[cycle] / limit.perSecond()[cycle];
        }
        InterleavedLoad.Ratio ratio = new InterleavedLoad.Ratio(perCycle);
        String cycles = Arrays.stream(perCycle).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                .collect(Collectors.joining(" "));
        System.out.printf(Locale.ROOT, "%-6s %-11s %3d %5d %,10.0f %,10.0f %5.2f %5.2f %5.2f %8.1f %9.1f %9.1f  %s%n",
                kind.name().toLowerCase(Locale.ROOT), database, count, roundTrips.get(database).get(kind),
                verify.meanPerSecond(), limit.meanPerSecond(), ratio.mean(), ratio.error(),
                Arrays.stream(perCycle).min().orElseThrow(), verify.percentileMicros(50), verify.percentileMicros(99),
                limit.percentileMicros(50), cycles);
    }
}
