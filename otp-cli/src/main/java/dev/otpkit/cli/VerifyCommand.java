package dev.otpkit.cli;

import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * {@code otp verify}: checks a TOTP code at a time (now by default) with a window of steps on
 * either side; exit 0 if valid, 1 if not (a malformed code is a code that is not valid, not a
 * bad argument).
 */
final class VerifyCommand {
    private static final Set<String> OPTIONS = Set.of("secret", "window", "time", "algorithm", "digits", "period");

    private VerifyCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args, OPTIONS, Set.of());
            if (arguments.helpRequested()) {
                return Usage.help(out);
            }
            String code = arguments.single("one CODE");
            OtpSecret secret = arguments.secret();
            int window = (int) arguments.number("window", 1, 0, TotpVerifier.MAX_WINDOW);
            Totp totp = arguments.totp();
            TotpVerifier verifier = TotpVerifier.builder(totp).window(window, window)
                    .clock(Clock.fixed(arguments.time(), ZoneOffset.UTC)).build();
            Verification result = verifier.verify(secret, code);
            Usage.warnIfShort(err, secret);
            return report(result, totp, out);
        } catch (UsageException e) {
            return Usage.fail(err, e.getMessage());
        }
    }

    private static int report(Verification result, Totp totp, PrintStream out) {
        switch (result.status()) {
            case VALID:
                Verification.Match match = result.match().orElseThrow();
                out.println("valid (time step " + match.counter() + ", drift " + match.drift() + ")");
                return Usage.OK;
            case MALFORMED:
                out.println("invalid: not a code of " + totp.digits() + " digits");
                return Usage.FAILED;
            default:
                out.println("invalid");
                return Usage.FAILED;
        }
    }
}
