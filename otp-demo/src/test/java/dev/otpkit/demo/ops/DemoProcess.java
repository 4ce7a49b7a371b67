package dev.otpkit.demo.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged demo jar running as a process of its own, as a user starts it:
 * {@code java -jar <absolute path>/otp-demo.jar --server.port=N [more arguments]}, in a working
 * directory of the caller's choice, with the JVM that runs the caller. Standard output and
 * standard error go, merged, to a file, so that nothing the process writes is lost or blocks it.
 *
 * <p>Uses the JDK alone, so that {@link StartupTime} runs with nothing but the test classes on
 * its class path.
 */
final class DemoProcess implements AutoCloseable {
    /** How long a stopped demo may take to shut down before it is killed. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(15);

    private final Process process;
    private final long startNanos;
    private final int port;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Stops the demo if this JVM exits first (a test run interrupted, a timeout): no demo outlives its test. */
    private final Thread stopOnExit;

    private DemoProcess(Process process, long startNanos, int port, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.port = port;
        this.log = log;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop demo on port " + port);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the jar on a free port.
     *
     * @param jar the packaged demo jar
     * @param workingDirectory the process's working directory
     * @param jvmOptions options for {@code java} before {@code -jar}, such as {@code -XX:TieredStopAtLevel=1}
     * @param arguments more Spring Boot arguments, such as {@code --spring.datasource.url=...}
     * @return the running process; close it
     */
    static DemoProcess start(Path jar, Path workingDirectory, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile("otp-demo-" + port + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long startNanos = System.nanoTime();
            return new DemoProcess(builder.start(), startNanos, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The demo jar the build made: the system property {@code otp-demo.jar}, else {@code target/otp-demo.jar}. */
    static Path packagedJar() {
        Path jar = Path.of(System.getProperty("otp-demo.jar", "target/otp-demo.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run mvn package first");
        }
        return jar;
    }

    /** The {@code java} launcher of the JVM running this code, so that JDK 25's tests run the demo on JDK 25. */
    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port nothing listened on a moment ago, on the loopback address the demo listens on. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The HTTP port the demo was told to listen on. */
    int port() {
        return port;
    }

    /** The demo's base URL, {@code http://127.0.0.1:N}. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Polls {@code GET /} every 15 ms until it answers 200.
     *
     * @param timeout how long to wait, from now
     * @return the time from just before the process was started to the first 200
     * @throws IllegalStateException if the process ends or the timeout passes first (with the log's end)
     */
    Duration awaitFirstPage(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest home = HttpRequest.newBuilder(baseUri().resolve("/")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo on port " + port + " exited with " + process.exitValue()
                        + " before serving its first page; its log ends:\n" + logTail());
            }
            if (answersOk(home)) {
                return Duration.ofNanos(System.nanoTime() - startNanos);
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("the demo on port " + port + " served no page within " + timeout
                + "; its log ends:\n" + logTail());
    }

    private boolean answersOk(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet, or listening but not answering yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the demo", e);
        }
    }

    /** Everything the process wrote to standard output and standard error so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo's log " + log, e);
        }
    }

    /** The last 40 lines of the log, for failure messages. */
    String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Stops the demo as a service manager would: SIGTERM, then waits for it to exit.
     *
     * @return the exit status, or -1 if it did not exit within {@link #STOP_TIMEOUT} (it is then killed)
     */
    int stop() {
        process.destroy();
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor();
            return -1;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the demo", e);
        }
    }

    /** Whether the process is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The processor time the demo has used so far, user and system, all threads.
     *
     * @return the time, or empty where the system does not tell
     */
    Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** Stops the demo if it still runs and deletes its log file. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // this JVM is exiting: the hook runs anyway
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's log " + log, e);
        }
    }

    /** Deletes a directory, such as a demo's working directory, and everything under it; nothing if it does not exist. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the demo", e);
        }
    }
}
