package dev.otpkit.cli;

/** Bad command-line arguments; the message is one line and never contains a secret. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
