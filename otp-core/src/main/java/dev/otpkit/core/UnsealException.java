package dev.otpkit.core;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A sealed secret could not be opened: the text is not a sealed secret, names a key that is
 * not configured, or fails authentication because it was altered or belongs to another
 * context. Checked, because the caller can act: refuse the sign-in, raise an alert, or add the
 * missing key. The message never contains key material or the secret.
 */
public final class UnsealException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Why a sealed secret could not be opened. */
    public enum Reason {
        /**
         * The text does not have the sealed-secret format or version, or it is authentic but
         * holds no secret this version accepts (none, or more than {@value OtpSecret#MAX_BITS} bits).
         */
        MALFORMED,
        /** The text names a key id that the sealer was not given. */
        UNKNOWN_KEY,
        /** Authentication failed: the text was altered, or the context or key is not the one used to seal. */
        NOT_AUTHENTIC
    }

    /** Why the secret could not be opened. */
    private final Reason reason;

    UnsealException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Tells why the secret could not be opened.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
