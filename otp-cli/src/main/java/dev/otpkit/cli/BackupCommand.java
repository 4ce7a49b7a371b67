package dev.otpkit.cli;

import dev.otpkit.backup.BackupCodeSet;
import dev.otpkit.backup.BackupCodes;
import java.io.PrintStream;

/**
 * {@code otp backup [--count N]}: makes a set of backup codes and prints the codes, one a line,
 * then their Argon2id PHC strings in the same order, one a line, and nothing else on standard
 * output. The codes are for the user; only the hashes are for the application's store.
 */
public final class BackupCommand {
    /** The usage line of this subcommand. */
    static final String USAGE = "usage: otp backup [--count N]";

    private BackupCommand() {
    }

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after {@code backup}: nothing, {@code --count N} with N from 1 to
     *     100 (10 if absent), or {@code --help}
     * @param out where the codes and hashes (or the usage, for {@code --help}) go
     * @param err where a bad argument is reported, as one line and the usage
     * @return 0 on success, 2 on bad arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        int count = BackupCodes.DEFAULT_COUNT;
        boolean countSeen = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (!arg.equals("--count")) {
                return fail(err, "unknown argument '" + arg + "'");
            }
            if (countSeen) {
                return fail(err, "--count given twice");
            }
            if (i + 1 == args.length) {
                return fail(err, "--count needs a number of codes, 1 to " + BackupCodes.MAX_COUNT);
            }
            countSeen = true;
            count = parseCount(args[++i]);
            if (count < 0) {
                return fail(err, "--count must be a whole number from 1 to " + BackupCodes.MAX_COUNT
                        + ", was '" + args[i] + "'");
            }
        }
        BackupCodeSet set = BackupCodes.builder().count(count).build().generate();
        set.codes().forEach(out::println);
        set.hashes().forEach(out::println);
        return 0;
    }

    /** Reads N of {@code --count N}; -1 unless it is a decimal number from 1 to the maximum. */
    private static int parseCount(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int count = Integer.parseInt(text);
        return count >= 1 && count <= BackupCodes.MAX_COUNT ? count : -1;
    }

    private static int fail(PrintStream err, String message) {
        err.println("otp backup: " + message);
        err.println(USAGE);
        return 2;
    }
}
