package dev.otpkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The faults on a PostgreSQL server of this class's own, killed with pg_terminate_backend. */
class PostgresFaultsTest extends DatabaseFaultsContract {
    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startOwnServer() throws IOException {
        dataDirectory = Files.createTempDirectory("otpkit-pg-faults");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        server = start();
    }

    @AfterAll
    static void stopOwnServer() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** Starts on the data folder, made by initdb the first time only; zonky would delete it on stop. */
    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    @Override
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    void killApplicationConnections(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
        }
    }

    @Override
    void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void startServer() {
        server = start();
    }
}
