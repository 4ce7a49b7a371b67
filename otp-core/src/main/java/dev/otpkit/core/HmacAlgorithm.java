package dev.otpkit.core;

import java.util.Optional;

/**
 * The HMAC hash functions that RFC 4226 and RFC 6238 allow for one-time passwords.
 *
 * <p>{@link #SHA1} is the default and the only one that every authenticator app honours;
 * many apps silently ignore the others and show codes that will not verify.
 */
public enum HmacAlgorithm {
    /** HMAC-SHA-1: 20-byte digest, 64-byte block. The RFC 4226 default. */
    SHA1("SHA1"),
    /** HMAC-SHA-256: 32-byte digest, 64-byte block. */
    SHA256("SHA256"),
    /** HMAC-SHA-512: 64-byte digest, 128-byte block. */
    SHA512("SHA512");

    private final String uriName;

    HmacAlgorithm(String uriName) {
        this.uriName = uriName;
    }

    /**
     * Returns the name used in {@code otpauth://} URIs ({@code algorithm=} parameter).
     *
     * @return {@code "SHA1"}, {@code "SHA256"} or {@code "SHA512"}
     */
    public String uriName() {
        return uriName;
    }

    /**
     * Finds an algorithm by the name used in {@code otpauth://} URIs, ignoring case and an
     * optional hyphen ({@code "sha1"}, {@code "SHA-256"}).
     *
     * @param name the name to look up; may be {@code null}
     * @return the algorithm, or empty if the name is not one of the three
     */
    public static Optional<HmacAlgorithm> fromUriName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String canonical = name.replace("-", "");
        for (HmacAlgorithm algorithm : values()) {
            if (algorithm.uriName.equalsIgnoreCase(canonical)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
