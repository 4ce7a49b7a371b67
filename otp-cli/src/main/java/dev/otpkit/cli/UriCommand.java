package dev.otpkit.cli;

import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * {@code otp uri --parse URI}: prints the fields of an {@code otpauth://} URI, one
 * {@code name: value} a line, the secret included since the URI given holds it anyway. Values
 * are escaped for the terminal (see {@link TerminalText#escape}).
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

    /** Prints one field a line; each value is escaped, as the URI may carry terminal controls. */
    private static void print(OtpAuthUri uri, PrintStream out) {
        OtpSecret secret = uri.secret();
        field(out, "type", uri.type().name().toLowerCase(Locale.ROOT));
        field(out, "issuer", uri.issuer().orElse("(none)"));
        field(out, "account", uri.account());
        field(out, "secret", secret.toBase32() + " (" + secret.bitLength() + " bits"
                + (secret.bitLength() < OtpSecret.MIN_BITS ? ", " + Usage.SHORT_SECRET_ADVICE : "") + ")");
        field(out, "algorithm", uri.hotp().algorithm().uriName());
        field(out, "digits", Integer.toString(uri.hotp().digits()));
        if (uri.type() == OtpAuthUri.Type.TOTP) {
            field(out, "period", Long.toString(uri.totp().period().getSeconds()));
        } else {
            field(out, "counter", Long.toString(uri.counter()));
        }
    }

    /** Prints {@code name:} padded to the widest name, then the value escaped for the terminal. */
    private static void field(PrintStream out, String name, String value) {
        out.println(String.format(Locale.ROOT, "%-11s%s", name + ":", TerminalText.escape(value)));
    }
}
