package dev.otpkit.cli;

import java.io.PrintStream;

/** The usage text and the way every subcommand reports bad arguments. */
final class Usage {
    /** Exit status for success. */
    static final int OK = 0;
    /** Exit status for a code that did not verify, or an operation that failed. */
    static final int FAILED = 1;
    /** Exit status for bad arguments. */
    static final int BAD_ARGUMENTS = 2;

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
            "  verify exits 0 if the code is valid, 1 if not; any command exits 2 on bad arguments.",
            "");

    private Usage() {
    }

    /** Prints the usage for {@code --help}, on standard output. */
    static int help(PrintStream out) {
        out.print(TEXT);
        return OK;
    }

    /** Reports bad arguments: one line, then the usage, on standard error. */
    static int fail(PrintStream err, String message) {
        err.println("otp: " + message);
        err.print(TEXT);
        return BAD_ARGUMENTS;
    }
}
