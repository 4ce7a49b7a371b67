package dev.otpkit.cli;

import dev.otpkit.core.CompatibilityWarning;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.qr.QrCode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code otp enroll}: makes a new 160-bit secret and prints it, its {@code otpauth://} URI on a
 * line of its own and the QR code for a terminal; {@code --png FILE} also writes the QR code
 * as a PNG, readable by its owner only. Parameters that popular authenticator apps ignore are
 * warned about on standard error.
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
            try {
                writePrivately(png, qr.png());
            } catch (IOException | SecurityException e) {
                err.println("otp: cannot write the PNG to " + png + ": " + e);
                return Usage.FAILED;
            }
        }
        for (CompatibilityWarning warning : CompatibilityWarning.check(uri.totp())) {
            err.println("otp: warning: " + warning.message());
        }
        out.println("Secret: " + uri.secret().toBase32());
        out.println(uri.toUriString());
        out.print(qr.terminal());
        if (png != null) {
            out.println("QR code written to " + png);
        }
        return Usage.OK;
    }

    private static Path pngPath(String text) throws UsageException {
        try {
            return Paths.get(text);
        } catch (InvalidPathException e) {
            throw new UsageException("--png is not a valid file name: " + e.getReason());
        }
    }

    /**
     * Writes the file readable by its owner only, if it is new and the file system has POSIX
     * permissions: the QR code holds the secret. An existing file keeps its permissions.
     */
    private static void writePrivately(Path file, byte[] bytes) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException overwritten) {
            // Replaced below, as the user asked; its permissions are the user's choice.
        } catch (UnsupportedOperationException notPosix) {
            // Files.write creates it with the platform's default access control.
        }
        Files.write(file, bytes);
    }

    private static QrCode qrCode(OtpAuthUri uri) throws UsageException {
        try {
            return QrCode.from(uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the issuer and account are too long for a QR code: " + e.getMessage());
        }
    }

    private static OtpAuthUri enrolment(Arguments arguments) throws UsageException {
        OtpAuthUri.Builder builder = OtpAuthUri.builder()
                .secret(OtpSecret.generate())
                .algorithm(arguments.algorithm())
                .digits(arguments.digits())
                .period(arguments.period());
        try {
            return builder.issuer(arguments.required("issuer")).account(arguments.required("account")).build();
        } catch (IllegalArgumentException e) {
            // Says which of issuer or account is wrong and what is allowed.
            throw new UsageException(e.getMessage());
        }
    }
}
