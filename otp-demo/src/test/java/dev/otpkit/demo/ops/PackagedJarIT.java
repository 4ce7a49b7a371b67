package dev.otpkit.demo.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a user runs it: {@code java -jar <absolute path>/otp-demo.jar
 * --server.port=N} from a directory of their own, on the embedded defaults (H2 in a file,
 * GreenMail).
 */
class PackagedJarIT {
    /** Start-up takes a few seconds; a loaded 2-core machine with other builds can take several times that. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The JVM's exit status after SIGTERM, once its shutdown hooks (Spring's orderly close) have run. */
    private static final int EXIT_AFTER_SIGTERM = 128 + 15;

    @Test
    void servesTheGivenPortFromAnyDirectoryKeepsItsDataThereAndStopsCleanly() throws IOException {
        Path jar = DemoProcess.packagedJar();
        Path workingDirectory = Files.createTempDirectory("otp-demo-run-");
        Instant started = Instant.now();
        try (DemoProcess demo = DemoProcess.start(jar, workingDirectory, List.of(), List.of())) {
            demo.awaitFirstPage(START_TIMEOUT);

            Page home = new DemoClient(demo.baseUri()).get("/");
            assertEquals(200, home.status());
            assertEquals(URI.create("http://127.0.0.1:" + demo.port() + "/"), home.uri());
            assertEquals("otpkit demo", home.heading(), "the first page, on port " + demo.port());
            Path data = workingDirectory.resolve("otp-demo-data");
            assertTrue(Files.isRegularFile(data.resolve("otp-demo.mv.db")), "the H2 database under the working directory");
            assertTrue(Files.isRegularFile(data.resolve("keys.properties")), "the development keys beside it");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)),
                    "the data directory (keys, password hashes, sealed secrets) is its owner's only");
            Path module = jar.getParent().getParent();
            for (Path elsewhere : List.of(jar.getParent(), module, module.getParent())) { // target/, otp-demo/, the repository
                assertNothingWrittenSince(started, elsewhere.resolve("otp-demo-data"));
            }

            assertEquals(EXIT_AFTER_SIGTERM, demo.stop(), "stopped within " + DemoProcess.STOP_TIMEOUT
                    + " by SIGTERM; the log ends:\n" + demo.logTail());
            assertEquals(List.of(), errorLines(demo.log()), "an orderly start and stop");
            assertTrue(portIsFree(demo.port()), "the port is free again");
            assertTrue(hasSecurityEventsTable(data.resolve("otp-demo")), "the database there holds the demo's tables");
        } finally {
            DemoProcess.deleteTree(workingDirectory);
        }
        assertFalse(Files.exists(workingDirectory));
    }

    /** No data directory there, or none of its files written since the test began. */
    private static void assertNothingWrittenSince(Instant started, Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertTrue(Files.getLastModifiedTime(file).toInstant().isBefore(started),
                        file + " was written by the demo, not under its working directory");
            }
        }
    }

    /** Lines of the log at level ERROR, or that name an exception. */
    private static List<String> errorLines(String log) {
        return log.lines().filter(line -> line.contains(" ERROR ") || line.contains("Exception")).toList();
    }

    /** Whether the H2 database file, opened after the demo stopped, has the demo's table of security events. */
    private static boolean hasSecurityEventsTable(Path database) {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + database + ";IFEXISTS=TRUE", "", "");
                Statement statement = h2.createStatement();
                ResultSet tables = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE UPPER(TABLE_NAME) = 'DEMO_SECURITY_EVENTS'")) {
            return tables.next();
        } catch (SQLException e) {
            throw new AssertionError("cannot read the demo's H2 database " + database, e);
        }
    }

    private static boolean portIsFree(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
