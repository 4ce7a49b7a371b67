package dev.otpkit.cli;

import dev.otpkit.core.OtpSecret;
import java.io.PrintStream;

/** The usage text and the way every subcommand reports bad arguments, failures and warnings. */
final class Usage {
    /** Exit status for success. */
    static final int OK = 0;
    /** Exit status for a code that did not verify, or an operation that failed. */
    static final int FAILED = 1;
    /** Exit status for bad arguments. */
    static final int BAD_ARGUMENTS = 2;

    /**
     * What follows the bit length of a secret shorter than RFC 4226's minimum, wherever a
     * command shows one.
     */
    static final String SHORT_SECRET_ADVICE = "shorter than the " + OtpSecret.MIN_BITS + " RFC 4226 requires: renew it";

    static final String TEXT = String.join("\n",
            "usage: otp enroll --issuer NAME --account NAME [--algorithm A] [--digits N] [--period S] [--png FILE]",
            "       otp code   --secret BASE32 [--time EPOCH_SECONDS] [--algorithm A] [--digits N] [--period S]",
            "       otp code   --secret BASE32 --hotp --counter N [--algorithm A] [--digits N]",
            "       otp verify --secret BASE32 [--window N] [--time EPOCH_SECONDS] [--algorithm A] [--digits N]",
            "                  [--period S] CODE",
            "       otp backup [--count N]",
            "       otp uri    --parse URI",
            "",
            "  A is SHA1 (default), SHA256 or SHA512; N digits 6 (default) to 8; S seconds per step, 30 by default.",
            "  --png FILE must not exist: the PNG holds the secret, so it is written only as a new file, readable",
            "  by its owner only, never over a file or through a link. -- ends the options (for a CODE starting",
            "  with -). Control, format and invisible characters in printed names show as \\u{XXXX}.",
            "  verify exits 0 if the code is valid, 1 if not; any command exits 2 on bad arguments, 1 if it fails.",
            "");

    private Usage() {
    }

    /** Prints the usage for {@code --help}, on standard output. */
    static int help(PrintStream out) {
        out.print(TEXT);
        return OK;
    }

    /**
     * Reports bad arguments: one line, then the usage, on standard error. The message is escaped
     * for the terminal, as it may quote what the user gave (an issuer, a file name).
     */
    static int fail(PrintStream err, String message) {
        err.println("otp: " + TerminalText.escape(message));
        err.print(TEXT);
        return BAD_ARGUMENTS;
    }

    /** Reports an operation that failed, such as a file that cannot be written: one line, on standard error. */
    static int error(PrintStream err, String message) {
        err.println("otp: " + TerminalText.escape(message));
        return FAILED;
    }

    /** Warns about a secret shorter than RFC 4226's minimum, which the commands still read. */
    static void warnIfShort(PrintStream err, OtpSecret secret) {
        if (secret.bitLength() < OtpSecret.MIN_BITS) {
            warn(err, "the secret has " + secret.bitLength() + " bits, " + SHORT_SECRET_ADVICE);
        }
    }

    /** Warns on standard error, which keeps standard output to the results scripts read. */
    static void warn(PrintStream err, String message) {
        err.println("otp: warning: " + TerminalText.escape(message));
    }
}
