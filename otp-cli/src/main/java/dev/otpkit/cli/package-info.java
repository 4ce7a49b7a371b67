/**
 * The {@code otp} command. {@link dev.otpkit.cli.Main} dispatches to one class per subcommand,
 * each with {@code static int run(String[] args, PrintStream out, PrintStream err)} returning
 * the exit status: 0 success, 1 a code that did not verify or an operation that failed, 2 bad
 * arguments (a one-line error and the usage on standard error, never a stack trace).
 */
package dev.otpkit.cli;
