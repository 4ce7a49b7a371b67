package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A finished run of the command, in this JVM (a subcommand's {@code run} or {@link Main#run}) or
 * as a process ({@code java -jar otp.jar}): its exit status and both streams, read as UTF-8.
 */
final class CommandRun {
    /** The shape every subcommand's {@code run} has. */
    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    final int exit;
    final String stdout;
    final String stderr;

    private CommandRun(int exit, String stdout, String stderr) {
        this.exit = exit;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static CommandRun of(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs a program with standard input from /dev/null, in a locale ({@code LC_ALL} and
     * {@code LANG}), and waits up to a minute for it.
     */
    static CommandRun ofProcess(List<String> command, Path dir, String locale) {
        try {
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("LC_ALL", locale);
            builder.environment().put("LANG", locale);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new CommandRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    List<String> stdoutLines() {
        return Arrays.asList(stdout.split("\n"));
    }

    void assertExit(int expected) {
        assertEquals(expected, exit, "exit status; stdout:\n" + stdout + "\nstderr:\n" + stderr);
    }

    List<String> stderrLines() {
        return stderr.lines().collect(Collectors.toList());
    }

    /** The first line of standard error, the one-line error message before the usage. */
    String error() {
        return stderrLines().isEmpty() ? "" : stderrLines().get(0);
    }
}
