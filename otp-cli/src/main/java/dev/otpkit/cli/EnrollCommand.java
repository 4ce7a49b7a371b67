package dev.otpkit.cli;

import dev.otpkit.core.CompatibilityWarning;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.qr.QrCode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/**
 * {@code otp enroll}: makes a new 160-bit secret and prints it, its {@code otpauth://} URI on a
 * line of its own and the QR code for a terminal; {@code --png FILE} also writes the QR code
 * as a new PNG file, readable by its owner only. Parameters that popular authenticator apps
 * ignore are warned about on standard error.
 */
final class EnrollCommand {
    private static final Set<String> OPTIONS = Set.of("issuer", "account", "algorithm", "digits", "period", "png");

    private EnrollCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        OtpAuthUri uri;
        QrCode qr;
        Path png;
        try {
            Arguments arguments = Arguments.parse(args, OPTIONS, Set.of());
            if (arguments.helpRequested()) {
                return Usage.help(out);
            }
            arguments.requireNoPositional();
            uri = enrolment(arguments);
            png = arguments.has("png") ? pngPath(arguments.required("png")) : null;
            qr = qrCode(uri);
        } catch (UsageException e) {
            return Usage.fail(err, e.getMessage());
        }
        if (png != null) {
            int status = writePng(png, qr, err);
            if (status != Usage.OK) {
                return status;
            }
        }
        for (CompatibilityWarning warning : CompatibilityWarning.check(uri.totp())) {
            Usage.warn(err, warning.message());
        }
        out.println("Secret: " + uri.secret().toBase32());
        out.println(uri.toUriString());
        out.print(qr.terminal());
        if (png != null) {
            out.println("QR code written to " + TerminalText.escape(png.toString()));
        }
        return Usage.OK;
    }

    private static Path pngPath(String text) throws UsageException {
        if (text.isEmpty()) {
            throw new UsageException("--png needs a file name");
        }
        try {
            return Paths.get(text);
        } catch (InvalidPathException e) {
            throw new UsageException("--png is not a valid file name: " + e.getReason());
        }
    }

    /**
     * Writes the PNG before anything is printed, so that a failed enrolment shows no secret.
     * An existing path is a bad argument (exit 2): the PNG holds the secret, so it only ever
     * goes into a new file of its own (see {@link PrivateFile}).
     */
    private static int writePng(Path png, QrCode qr, PrintStream err) {
        try {
            PrivateFile.createNew(png, qr.png());
            return Usage.OK;
        } catch (FileAlreadyExistsException e) {
            return Usage.fail(err, "--png " + png + " already exists; give the name of a new file"
                    + " (the PNG holds the secret, so otp never writes over a file or through a link)");
        } catch (IOException e) {
            return Usage.error(err, "cannot write the PNG to " + png + ": " + PrivateFile.reason(e));
        }
    }

    private static QrCode qrCode(OtpAuthUri uri) throws UsageException {
        try {
            return QrCode.from(uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the issuer and account are too long for a QR code: " + e.getMessage());
        }
    }

    private static OtpAuthUri enrolment(Arguments arguments) throws UsageException {
        OtpAuthUri.Builder builder = OtpAuthUri.builder().secret(OtpSecret.generate()).totp(arguments.totp());
        try {
            return builder.issuer(arguments.required("issuer")).account(arguments.required("account")).build();
        } catch (IllegalArgumentException e) {
            // Says which of issuer or account is wrong and what is allowed.
            throw new UsageException(e.getMessage());
        }
    }
}
