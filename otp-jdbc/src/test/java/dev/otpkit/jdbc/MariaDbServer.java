package dev.otpkit.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the machine's packages, started by the tests in a temporary data folder on
 * 127.0.0.1 and a free port, and stopped and deleted when the JVM exits; no running service is
 * needed. Its binaries come from Debian's {@code mariadb-server} package
 * ({@code scripts/install-test-deps.sh}); without them the tests fail and say so.
 */
final class MariaDbServer {
    private static final List<String> SEARCH_PATH = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin",
            "/usr/local/bin", "/usr/local/mysql/bin");

    private final Path home;
    private final int port;
    private Process process;

    private MariaDbServer(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Installs a fresh data folder and starts a server on it. */
    static MariaDbServer start() {
        Path installDb = program("mariadb-install-db");
        program("mariadbd");
        try {
            Path home = Files.createTempDirectory("otpkit-mariadb");
            MariaDbServer server = new MariaDbServer(home, freePort());
            List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                    "--datadir=" + home.resolve("data"), "--auth-root-authentication-method=normal",
                    "--skip-test-db"));
            if (isRoot()) {
                install.add("--user=root");
            }
            run(install, home.resolve("install.log"));
            server.startProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start MariaDB for the tests", e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server as a crash would (SIGKILL): connections break, nothing is shut down cleanly. */
    void kill() {
        process.destroyForcibly();
        waitFor(process);
    }

    /** Stops the server and deletes its data, at once rather than when the JVM exits. */
    void close() {
        stopAndDelete();
        process = null;
    }

    /** Starts the server again on the same data folder and port. */
    void restart() {
        startProcess();
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of(program("mariadbd").toString(), "--no-defaults",
                "--datadir=" + home.resolve("data"), "--bind-address=127.0.0.1", "--port=" + port,
                "--socket=" + home.resolve("mariadb.sock"), "--pid-file=" + home.resolve("mariadb.pid"),
                "--log-error=" + home.resolve("error.log"), "--skip-log-bin", "--max-connections=400",
                "--innodb-buffer-pool-size=128M", "--innodb-flush-log-at-trx-commit=2"));
        if (isRoot()) {
            command.add("--user=root");
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.out").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start mariadbd", e);
        }
        awaitPort();
    }

    private void awaitPort() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + process.exitValue() + ": " + errorLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("mariadbd did not listen within 60 s: " + errorLog());
    }

    private void stopAndDelete() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor(process);
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing the run for
        }
    }

    private String errorLog() {
        try {
            return Files.readString(home.resolve("error.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    private static Path program(String name) {
        for (String folder : SEARCH_PATH) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("MariaDB is not installed (" + name + " not found in " + SEARCH_PATH
                + "). The otp-jdbc tests start their own MariaDB server from the machine's packages: run"
                + " scripts/install-test-deps.sh as root, or apt-get install mariadb-server");
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (waitFor(process) != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + process, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
