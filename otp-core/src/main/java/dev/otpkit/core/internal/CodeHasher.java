package dev.otpkit.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the keyed hash under which an out-of-band code is stored: HMAC-SHA-256 under a
 * server key over a domain tag, the account, the scope, the issue id, the number of digits and
 * the code's value. Each text is written as its length and its UTF-16 chars, so that no two
 * different inputs give the same message. Immutable and thread-safe.
 *
 * <p>Without the server key, a stored hash says nothing about the code, not even by trying all
 * of the few possible codes.
 */
public final class CodeHasher {
    /** Fewest key bytes accepted: 32, the output size of SHA-256. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "otpkit one-time code v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /**
     * Prepares a hasher.
     *
     * @param key the server key, at least {@value #MIN_KEY_BYTES} bytes; copied
     * @throws IllegalArgumentException if the key is too short or all zeros
     */
    public CodeHasher(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("hash key must be at least " + MIN_KEY_BYTES
                    + " bytes, was " + key.length);
        }
        if (KeyBytes.isAllZeros(key)) {
            throw new IllegalArgumentException("hash key is all zeros: make it from SecureRandom");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        newMac();  // fail now, not on first use, if the JDK lacks HMAC-SHA-256
    }

    /**
     * Hashes one code.
     *
     * @param accountId the account the code is for
     * @param scope the action the code is for
     * @param issueId the random id of this issue of a code
     * @param digits the code length
     * @param code the code's value
     * @return a new 32-byte hash
     */
    public byte[] hash(String accountId, String scope, String issueId, int digits, long code) {
        int texts = accountId.length() + scope.length() + issueId.length();
        ByteBuffer message = ByteBuffer.allocate(DOMAIN.length + 3 * Integer.BYTES + texts * Character.BYTES
                + Integer.BYTES + Long.BYTES);
        message.put(DOMAIN);
        putText(message, accountId);
        putText(message, scope);
        putText(message, issueId);
        message.putInt(digits).putLong(code);
        Mac mac = newMac();
        mac.update(message.array());
        return mac.doFinal();
    }

    private static void putText(ByteBuffer message, String text) {
        message.putInt(text.length());
        for (int i = 0; i < text.length(); i++) {
            message.putChar(text.charAt(i));
        }
    }

    /** Makes a fresh Mac per call: a Mac is not thread-safe, and this is not a hot path. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK must provide " + ALGORITHM, e);
        }
    }
}
