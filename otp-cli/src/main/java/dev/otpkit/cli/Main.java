package dev.otpkit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point of the {@code otp} command: dispatches to one class per subcommand. */
public final class Main {
    /** What the JVM puts in place of command-line bytes the locale's charset cannot decode. */
    private static final char UNDECODABLE = '\uFFFD';

    private Main() {
    }

    /**
     * Runs the command and exits with its status: 0 success, 1 a code that did not verify or a
     * failed operation, 2 bad arguments.
     *
     * @param args the subcommand name and its arguments
     */
    public static void main(String[] args) {
        // UTF-8 whatever the locale: the QR code's block characters and Unicode names need it.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs one command line.
     *
     * @param args the subcommand name and its arguments
     * @param out where results go
     * @param err where errors and the usage after an error go
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return Usage.fail(err, "no command given");
        }
        for (String arg : args) {
            if (arg.indexOf(UNDECODABLE) >= 0) {
                // The JVM decoded the arguments with the locale's charset and lost characters;
                // going on would, say, enrol an issuer name with '?' in it.
                return Usage.fail(err, "an argument is not valid in this locale's character set ("
                        + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
            }
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "enroll":
                return EnrollCommand.run(rest, out, err);
            case "code":
                return CodeCommand.run(rest, out, err);
            case "verify":
                return VerifyCommand.run(rest, out, err);
            case "uri":
                return UriCommand.run(rest, out, err);
            case "backup":
                return BackupCommand.run(rest, out, err);
            case "help":
            case "--help":
            case "-h":
                return Usage.help(out);
            default:
                // Not echoed: a secret or a code pasted in the wrong place would land on stderr.
                return Usage.fail(err, "unknown command (argument 1); the commands are enroll, code, verify,"
                        + " backup, uri and help");
        }
    }
}
