package dev.otpkit.cli;

import dev.otpkit.backup.BackupCodeSet;
import dev.otpkit.backup.BackupCodes;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code otp backup [--count N]}: makes a set of backup codes and prints the codes, one a line,
 * then their Argon2id PHC strings in the same order, one a line, and nothing else on standard
 * output. The codes are for the user; only the hashes are for the application's store.
 */
final class BackupCommand {
    private static final Set<String> OPTIONS = Set.of("count");

    private BackupCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args, OPTIONS, Set.of());
            if (arguments.helpRequested()) {
                return Usage.help(out);
            }
            arguments.requireNoPositional();
            int count = (int) arguments.number("count", BackupCodes.DEFAULT_COUNT, 1, BackupCodes.MAX_COUNT);
            BackupCodeSet set = BackupCodes.builder().count(count).build().generate();
            set.codes().forEach(out::println);
            set.hashes().forEach(out::println);
            return Usage.OK;
        } catch (UsageException e) {
            return Usage.fail(err, e.getMessage());
        }
    }
}
