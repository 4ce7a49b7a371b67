package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.qr.QrCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code otp enroll --png}: the PNG holds the secret, so it only ever goes into a new private file. */
class EnrollCommandTest {
    private static final String OLD_CONTENT = "not to be overwritten";

    @TempDir
    Path dir;

    private static CommandRun enrollWithPng(String png) {
        return CommandRun.of(EnrollCommand::run, "--issuer", "Demo", "--account", "alice", "--png", png);
    }

    /** Exit 2, one line naming the path, the usage, and no secret shown. */
    private static void assertRefusedAsExisting(CommandRun run, Path png) {
        assertEquals(Usage.BAD_ARGUMENTS, run.exit, run.stderr);
        assertEquals("otp: --png " + png + " already exists; give the name of a new file (the PNG holds the secret,"
                + " so otp never writes over a file or through a link)", run.error());
        List<String> lines = run.stderrLines();
        assertEquals(Usage.TEXT.lines().collect(Collectors.toList()), lines.subList(1, lines.size()));
        assertEquals("", run.stdout, "no secret is shown for an enrolment that failed");
    }

    @Test
    void writesANewPngReadableByItsOwnerOnly() throws IOException {
        Path png = dir.resolve("alice.png");

        CommandRun run = enrollWithPng(png.toString());

        assertEquals(Usage.OK, run.exit, run.stderr);
        OtpAuthUri uri = OtpAuthUri.parse(run.stdout.lines().skip(1).findFirst().orElseThrow());
        assertArrayEquals(QrCode.from(uri).png(), Files.readAllBytes(png));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)));
    }

    @Test
    void refusesAnExistingFileAndLeavesItAlone() throws IOException {
        Path png = Files.writeString(dir.resolve("alice.png"), OLD_CONTENT);
        Files.setPosixFilePermissions(png, PosixFilePermissions.fromString("rw-r--r--"));

        assertRefusedAsExisting(enrollWithPng(png.toString()), png);

        assertEquals(OLD_CONTENT, Files.readString(png));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)));
    }

    @Test
    void refusesASymbolicLinkToAFileAndLeavesTheFileAlone() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), OLD_CONTENT);
        Path link = Files.createSymbolicLink(dir.resolve("alice.png"), target);

        assertRefusedAsExisting(enrollWithPng(link.toString()), link);

        assertEquals(OLD_CONTENT, Files.readString(target));
    }

    @Test
    void refusesADanglingSymbolicLinkAndCreatesNothingWhereItPoints() throws IOException {
        Path target = dir.resolve("elsewhere.png");
        Path link = Files.createSymbolicLink(dir.resolve("alice.png"), target);

        assertRefusedAsExisting(enrollWithPng(link.toString()), link);

        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "the link's target was created");
    }

    @Test
    void refusesAFifoWithoutWritingTheSecretIntoIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("alice.png");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");

        // Writing into a FIFO blocks until a reader comes, which is what a listener waits for.
        CommandRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> enrollWithPng(fifo.toString()));

        assertRefusedAsExisting(run, fifo);
    }

    @Test
    void refusesAnExistingDirectory() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("alice.png"));

        assertRefusedAsExisting(enrollWithPng(directory.toString()), directory);
    }

    @Test
    void refusesAnEmptyFileNameAsABadArgument() {
        CommandRun run = enrollWithPng("");

        assertEquals(Usage.BAD_ARGUMENTS, run.exit);
        assertEquals("otp: --png needs a file name", run.error());
        assertEquals("", run.stdout);
    }

    @Test
    void reportsAMissingDirectoryInOneLineWithoutJavaClassNames() {
        Path png = dir.resolve("no/such/dir/alice.png");

        CommandRun run = enrollWithPng(png.toString());

        assertEquals(Usage.FAILED, run.exit);
        assertEquals(List.of("otp: cannot write the PNG to " + png + ": no such directory"), run.stderrLines());
        assertEquals("", run.stdout, "no secret is shown for an enrolment that failed");
    }

    @Test
    void reportsAParentThatIsAFileInOneLineWithoutJavaClassNames() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), OLD_CONTENT);
        Path png = file.resolve("alice.png");

        CommandRun run = enrollWithPng(png.toString());

        assertEquals(Usage.FAILED, run.exit);
        assertEquals(List.of("otp: cannot write the PNG to " + png + ": Not a directory"), run.stderrLines());
    }

    @Test
    void escapesControlCharactersOfTheFileNameInItsMessages() {
        Path png = dir.resolve("no\u001b[2J\nsuch/alice.png");

        CommandRun run = enrollWithPng(png.toString());

        assertEquals(Usage.FAILED, run.exit);
        String line = run.error();
        assertEquals(1, run.stderrLines().size(), "one line: " + run.stderr);
        assertTrue(line.contains("no\\u{001B}[2J\\u{000A}such/alice.png"), line);
    }
}
