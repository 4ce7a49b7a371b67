package dev.otpkit.cli;

import dev.otpkit.core.OtpSecret;
import java.io.PrintStream;
import java.util.Set;

/** {@code otp code}: prints the TOTP code at a time (now by default) or the HOTP code of a counter. */
final class CodeCommand {
    private static final Set<String> OPTIONS = Set.of("secret", "time", "algorithm", "digits", "period", "counter");

    private CodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args, OPTIONS, Set.of("hotp"));
            if (arguments.helpRequested()) {
                return Usage.help(out);
            }
            arguments.requireNoPositional();
            OtpSecret secret = arguments.secret();
            String code = arguments.flag("hotp") ? hotpCode(arguments, secret) : totpCode(arguments, secret);
            Usage.warnIfShort(err, secret);
            out.println(code);
            return Usage.OK;
        } catch (UsageException e) {
            return Usage.fail(err, e.getMessage());
        }
    }

    private static String hotpCode(Arguments arguments, OtpSecret secret) throws UsageException {
        if (arguments.has("time") || arguments.has("period")) {
            throw new UsageException("--time and --period are for TOTP; --hotp takes --counter");
        }
        if (!arguments.has("counter")) {
            throw new UsageException("--hotp needs --counter N");
        }
        long counter = arguments.number("counter", 0, 0, Long.MAX_VALUE);
        return arguments.hotp().generate(secret, counter);
    }

    private static String totpCode(Arguments arguments, OtpSecret secret) throws UsageException {
        if (arguments.has("counter")) {
            throw new UsageException("--counter needs --hotp");
        }
        return arguments.totp().generate(secret, arguments.time());
    }
}
