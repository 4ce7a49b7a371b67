package dev.otpkit.cli;

import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * {@code otp uri --parse URI}: prints the fields of an {@code otpauth://} URI, one
 * {@code name: value} a line, the secret included since the URI given holds it anyway.
 */
final class UriCommand {
    private UriCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args, Set.of("parse"), Set.of());
            if (arguments.helpRequested()) {
                return Usage.help(out);
            }
            arguments.requireNoPositional();
            print(parse(arguments.required("parse")), out);
            return Usage.OK;
        } catch (UsageException e) {
            return Usage.fail(err, e.getMessage());
        }
    }

    private static OtpAuthUri parse(String text) throws UsageException {
        try {
            return OtpAuthUri.parse(text);
        } catch (IllegalArgumentException e) {
            // OtpAuthUri's messages say what is wrong and never quote the secret.
            throw new UsageException(e.getMessage());
        }
    }

    private static void print(OtpAuthUri uri, PrintStream out) {
        OtpSecret secret = uri.secret();
        out.println("type:      " + uri.type().name().toLowerCase(Locale.ROOT));
        out.println("issuer:    " + uri.issuer().orElse("(none)"));
        out.println("account:   " + uri.account());
        out.println("secret:    " + secret.toBase32() + " (" + secret.bitLength() + " bits"
                + (secret.bitLength() < OtpSecret.MIN_BITS ? ", shorter than the " + OtpSecret.MIN_BITS
                        + " RFC 4226 requires: renew it" : "") + ")");
        out.println("algorithm: " + uri.algorithm().uriName());
        out.println("digits:    " + uri.digits());
        if (uri.type() == OtpAuthUri.Type.TOTP) {
            out.println("period:    " + uri.period().getSeconds());
        } else {
            out.println("counter:   " + uri.counter());
        }
    }
}
