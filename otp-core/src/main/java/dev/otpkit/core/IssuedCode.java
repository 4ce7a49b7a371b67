package dev.otpkit.core;

import java.time.Instant;

/**
 * A freshly issued out-of-band code, to deliver through the application's own email or SMS
 * sender and then forget. Immutable and thread-safe. {@link #toString()} does not show the code.
 */
public final class IssuedCode {
    private final String code;
    private final Instant expiresAt;

    IssuedCode(String code, Instant expiresAt) {
        this.code = code;
        this.expiresAt = expiresAt;
    }

    /**
     * Returns the code to send to the user. Do not log it or store it: only its keyed hash is
     * kept, and the user's copy is the only other one.
     *
     * @return the code, exactly the configured number of ASCII digits, leading zeros kept
     */
    public String code() {
        return code;
    }

    /**
     * Returns from when the code is refused, to tell the user how long it is valid.
     *
     * @return the expiry instant
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Describes the issued code without the code.
     *
     * @return for example {@code "IssuedCode[6 digits, expires 2026-11-22T10:10:00Z]"}
     */
    @Override
    public String toString() {
        return "IssuedCode[" + code.length() + " digits, expires " + expiresAt + "]";
    }
}
