package dev.otpkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.backup.BackupCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackupCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BackupCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    @Test
    void printsTenCodesThenTheirTenHashesByDefault() {
        assertEquals(0, run());

        List<String> lines = lines(out);
        assertEquals(20, lines.size(), lines.toString());
        lines.subList(0, 10).forEach(code -> assertTrue(code.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"), code));
        lines.subList(10, 20).forEach(hash -> assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsHashesThatVerifyTheCodesPrintedBeforeThem() {
        assertEquals(0, run("--count", "2"));

        List<String> lines = lines(out);
        assertEquals(4, lines.size(), lines.toString());
        BackupCodeStore store = BackupCodeStore.inMemory();
        store.replace("alice", lines.subList(2, 4));
        BackupCodes backup = BackupCodes.builder().store(store).build();
        for (String code : lines.subList(0, 2)) {
            assertTrue(backup.verify("alice", code).isValid(), code);
        }
        assertEquals(0, backup.remaining("alice"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--count         | option --count needs a value",
        "--count 0       | --count must be a whole number from 1 to 100",
        "--count 101     | --count must be a whole number from 1 to 100",
        "--count -1      | --count must be a whole number from 1 to 100",
        "--count ten     | --count must be a whole number from 1 to 100",
        "--count 99999999999 | --count must be a whole number from 1 to 100",
        "--count 2 --count 3 | option --count is given more than once",
        "--cont 2        | unknown option --cont (argument 1 after the command); this command takes --count",
        "--JBSWY3DPEHPK3PXP | unknown option (argument 1 after the command); this command takes --count",
        "2               | 1 unexpected argument(s) that are not options (options start with --)",
    })
    void refusesBadArgumentsWithOneLineAndTheUsage(String args, String message) {
        assertEquals(2, run(args.split(" ")));

        assertEquals("", out.toString(StandardCharsets.UTF_8));
        List<String> errLines = lines(err);
        assertEquals("otp: " + message, errLines.get(0), "the whole line: nothing else the user typed is echoed");
        assertEquals(Usage.TEXT.lines().collect(Collectors.toList()), errLines.subList(1, errLines.size()));
    }

    @Test
    void printsTheUsageOnRequest() {
        assertEquals(0, run("--help"));

        assertEquals(Usage.TEXT, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
