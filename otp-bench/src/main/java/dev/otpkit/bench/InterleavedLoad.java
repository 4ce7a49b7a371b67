package dev.otpkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.jdbc.OtpkitSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * One point of {@link JdbcCompare}: logins through otp-jdbc and the database's own limit for the
 * same work, on one database, one pool and one set of threads, taking turns in short slices.
 *
 * <p>Every thread runs whatever {@link Workload} is current, back to back. The workloads take
 * turns, a slice each, in cycles; each cycle runs the four of them, in the opposite order to the
 * cycle before. A login's slice and its baseline's slice of one cycle ran seconds apart on the
 * same warm JVM, pool, database and rows, so the ratio of their throughputs is free of what
 * varies from one JVM to the next (where the JIT put its effort, how the threads fell into step
 * on two cores); each cycle gives one ratio, and the point's ratio is their mean with its
 * confidence interval. Separate JMH forks, measured that way, disagreed with each other by a
 * factor of two at 32 threads on two cores. Each switch is followed by a pause, unmeasured, in
 * which the operations of the workload before finish. Latencies are recorded for every measured
 * operation.
 */
final class InterleavedLoad {
    /** What the threads run. */
    enum Workload {
        /** A login with the current code of a fresh step: {@code VALID}. */
        RIGHT_LOGIN,
        /** The database's limit for a right login: as many single-row updates as its round trips. */
        RIGHT_LIMIT,
        /** A login with a wrong code: {@code INVALID}. */
        WRONG_LOGIN,
        /** The database's limit for a wrong login. */
        WRONG_LIMIT
    }

    /** How long each slice lasts, and how many cycles warm up and how many are measured. */
    record Timing(long sliceMillis, long settleMillis, int warmupCycles, int cycles) {
        /** The default: 2 s slices, 0.3 s to settle, 2 warm-up cycles and 8 measured. */
        static final Timing FULL = new Timing(2_000, 300, 2, 8);
        /** A smoke run: 0.3 s slices, 1 warm-up cycle and 3 measured. */
        static final Timing QUICK = new Timing(300, 100, 1, 3);

        /**
         * Returns this timing with another number of measured cycles.
         *
         * @param measured the measured cycles, 3 or more (JMH's confidence interval needs three)
         * @return the timing
         * @throws IllegalArgumentException if {@code measured} is below 3
         */
        Timing withCycles(int measured) {
            if (measured < 3) {
                throw new IllegalArgumentException("cycles must be 3 or more, was " + measured);
            }
            return new Timing(sliceMillis, settleMillis, warmupCycles, measured);
        }
    }

    /**
     * What a workload did over the measured cycles.
     *
     * @param perSecond its operations per second in each measured cycle
     * @param latencyNanos the latency of every measured operation, sorted
     */
    record Measured(double[] perSecond, long[] latencyNanos) {
        /**
         * Returns the mean throughput.
         *
         * @return operations per second, over the cycles
         */
        double meanPerSecond() {
            return Arrays.stream(perSecond).average().orElseThrow();
        }

        /**
         * Returns a latency percentile.
         *
         * @param percent 0 to 100
         * @return the latency in microseconds
         */
        double percentileMicros(double percent) {
            int index = (int) Math.min(latencyNanos.length - 1, Math.floor(latencyNanos.length * percent / 100));
            return latencyNanos[index] / 1_000.0;
        }
    }

    /**
     * The ratios of a login to its limit, cycle by cycle.
     *
     * @param perCycle each cycle's login throughput over its limit's
     */
    record Ratio(double[] perCycle) {
        /**
         * Returns the mean ratio.
         *
         * @return the mean of the cycles' ratios
         */
        double mean() {
            return statistics().getMean();
        }

        /**
         * Returns half the 99.9% confidence interval of the mean, from the spread of the cycles.
         *
         * @return the error
         */
        double error() {
            return statistics().getMeanErrorAt(0.999);
        }

        private ListStatistics statistics() {
            ListStatistics statistics = new ListStatistics();
            Arrays.stream(perCycle).forEach(statistics::addValue);
            return statistics;
        }
    }

    private final String database;
    private final int threads;
    private final Map<JdbcLogins.Kind, Integer> roundTrips;
    private final Timing timing;
    private final Map<Workload, LongAdder> done = new EnumMap<>(Workload.class);
    private volatile Workload current = Workload.RIGHT_LIMIT;
    private volatile boolean measuring;
    private volatile boolean stopping;

    /**
     * Prepares a point.
     *
     * @param database {@link DatabaseServer#H2} or {@link DatabaseServer#POSTGRESQL}
     * @param threads the threads, 1 or more
     * @param roundTrips the statements of each kind of login on this database, which its limit runs
     * @param timing the slices and cycles
     */
    InterleavedLoad(String database, int threads, Map<JdbcLogins.Kind, Integer> roundTrips, Timing timing) {
        this.database = database;
        this.threads = threads;
        this.roundTrips = Map.copyOf(roundTrips);
        this.timing = timing;
        for (Workload workload : Workload.values()) {
            done.put(workload, new LongAdder());
        }
    }

    /**
     * Runs the point on a new database (a new file for H2, a new database on the run's server for
     * PostgreSQL), which is deleted afterwards.
     *
     * @return what each workload did
     * @throws SQLException if the database fails while seeding
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if a login had another outcome than expected
     */
    Map<Workload, Measured> run() throws SQLException, InterruptedException {
        try (DatabaseServer server = DatabaseServer.start(database); HikariDataSource pool = server.pool(threads)) {
            OtpkitSchema.create(pool);
            BareUpdateBaseline.createTable(pool);
            JdbcLogins.Stores stores = JdbcLogins.Stores.on(pool);
            List<Worker> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                workers.add(new Worker(pool, stores, thread));
            }
            return measure(pool, workers);
        }
    }

    private Map<Workload, Measured> measure(HikariDataSource pool, List<Worker> workers)
            throws SQLException, InterruptedException {
        List<Thread> running = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = new Thread(worker, "load-" + running.size());
            thread.start();
            running.add(thread);
        }
        Map<Workload, double[]> perSecond = new EnumMap<>(Workload.class);
        for (Workload workload : Workload.values()) {
            perSecond.put(workload, new double[timing.cycles()]);
        }
        try {
            for (int cycle = -timing.warmupCycles(); cycle < timing.cycles(); cycle++) {
                for (Workload workload : order(cycle)) {
                    double rate = slice(pool, workload, cycle >= 0);
                    if (cycle >= 0) {
                        perSecond.get(workload)[cycle] = rate;
                    }
                }
            }
        } finally {
            stopping = true;
            for (Thread thread : running) {
                thread.join();
            }
        }
        for (Worker worker : workers) {
            if (worker.failure != null) {
                throw new IllegalStateException("a load thread failed", worker.failure);
            }
        }
        Map<Workload, Measured> measured = new EnumMap<>(Workload.class);
        for (Workload workload : Workload.values()) {
            measured.put(workload, new Measured(perSecond.get(workload), latencies(workers, workload)));
        }
        return measured;
    }

    /** Each cycle runs every workload, in the opposite order to the cycle before. */
    private static List<Workload> order(int cycle) {
        List<Workload> order = new ArrayList<>(List.of(Workload.values()));
        if (Math.floorMod(cycle, 2) == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /** Switches the threads to a workload, lets it settle, and returns its operations per second. */
    private double slice(HikariDataSource pool, Workload workload, boolean measured)
            throws SQLException, InterruptedException {
        if (workload == Workload.WRONG_LOGIN) {
            // Keeps every account below the limiter's consecutive-failure limit.
            JdbcLogins.resetFailureCounts(pool);
        }
        current = workload;
        Thread.sleep(timing.settleMillis());
        LongAdder count = done.get(workload);
        long before = count.sum();
        long start = System.nanoTime();
        measuring = measured;
        Thread.sleep(timing.sliceMillis());
        measuring = false;
        long operations = count.sum() - before;
        return operations / ((System.nanoTime() - start) / 1e9);
    }

    private static long[] latencies(List<Worker> workers, Workload workload) {
        long[] all = workers.stream().flatMapToLong(worker -> Arrays.stream(worker.latencies.get(workload).toArray()))
                .toArray();
        Arrays.sort(all);
        return all;
    }

    /** One thread's logins and baseline rows, and the latencies it measured. */
    private final class Worker implements Runnable {
        private final JdbcLogins right;
        private final JdbcLogins wrong;
        private final BareUpdateBaseline limit = new BareUpdateBaseline();
        private final Map<Workload, LongList> latencies = new EnumMap<>(Workload.class);
        /** What stopped this thread, if anything did; set once, by this thread. */
        private volatile Exception failure;

        Worker(HikariDataSource pool, JdbcLogins.Stores stores, int thread) throws SQLException {
            int rows = JdbcDatabase.rowsPerThread(threads);
            right = new JdbcLogins(stores, JdbcLogins.Kind.RIGHT, "right-t" + thread + "-", rows);
            wrong = new JdbcLogins(stores, JdbcLogins.Kind.WRONG, "wrong-t" + thread + "-", rows);
            right.seed();
            wrong.seed();
            limit.statements = 1;
            limit.key = "varchar";
            limit.setUp(pool, thread, threads);
            for (Workload workload : Workload.values()) {
                latencies.put(workload, new LongList());
            }
        }

        @Override
        public void run() {
            try {
                while (!stopping) {
                    Workload workload = current;
                    long start = System.nanoTime();
                    runOnce(workload);
                    long took = System.nanoTime() - start;
                    done.get(workload).increment();
                    if (measuring) {
                        latencies.get(workload).add(took);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                failure = e;
                stopping = true;
            }
        }

        private void runOnce(Workload workload) throws SQLException {
            switch (workload) {
                case RIGHT_LOGIN -> right.login();
                case WRONG_LOGIN -> wrong.login();
                case RIGHT_LIMIT -> updates(roundTrips.get(JdbcLogins.Kind.RIGHT));
                case WRONG_LIMIT -> updates(roundTrips.get(JdbcLogins.Kind.WRONG));
            }
        }

        private void updates(int statements) throws SQLException {
            for (int i = 0; i < statements; i++) {
                limit.update();
            }
        }
    }

    /** A growable array of longs, for one thread's latencies. */
    private static final class LongList {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
