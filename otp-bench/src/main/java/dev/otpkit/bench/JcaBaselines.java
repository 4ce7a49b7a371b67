package dev.otpkit.bench;

import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a careful programmer writes with the JCA alone, as the floor a library is measured
 * against. Both check every step of the window, as otpkit does, and neither is thread-safe:
 * each benchmark thread has its own.
 */
final class JcaBaselines {
    private static final int SHA1_BLOCK_BYTES = 64;
    private static final int SHA1_DIGEST_BYTES = 20;
    private static final int MODULUS = 1_000_000;

    private JcaBaselines() {
    }

    /** A window check over counters {@code first..last}; true if any step's code is {@code code}. */
    interface WindowCheck {
        boolean matches(int code, long first, long last) throws GeneralSecurityException;
    }

    /** One way to compute HMAC-SHA-1 of an 8-byte message into a 20-byte digest. */
    private interface CounterHmac {
        void compute(byte[] message, byte[] digest) throws GeneralSecurityException;
    }

    /** One HmacSHA1 {@link Mac}, initialised once and re-used for every counter. */
    static WindowCheck reusedMac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return overWindow((message, digest) -> {
            mac.update(message);
            mac.doFinal(digest, 0);
        });
    }

    /**
     * The JDK's SHA-1 with the HMAC pad blocks hashed once (RFC 2104 section 4): each counter
     * clones the two prepared digests instead of hashing the pads again.
     */
    static WindowCheck clonedPads(byte[] key) throws GeneralSecurityException {
        MessageDigest inner = MessageDigest.getInstance("SHA-1");
        MessageDigest outer = MessageDigest.getInstance("SHA-1");
        inner.update(pad(key, (byte) 0x36));
        outer.update(pad(key, (byte) 0x5C));
        return overWindow((message, digest) -> {
            hash(inner, message, message.length, digest);
            hash(outer, digest, digest.length, digest);
        });
    }

    /** Checks every counter of the window, not stopping at a match, as otpkit does. */
    private static WindowCheck overWindow(CounterHmac hmac) {
        byte[] message = new byte[Long.BYTES];
        byte[] digest = new byte[SHA1_DIGEST_BYTES];
        return (code, first, last) -> {
            boolean matched = false;
            for (long counter = first; counter <= last; counter++) {
                putCounter(message, counter);
                hmac.compute(message, digest);
                matched |= truncate(digest) == code;
            }
            return matched;
        };
    }

    private static void hash(MessageDigest prepared, byte[] input, int length, byte[] out)
            throws GeneralSecurityException {
        MessageDigest md;
        try {
            md = (MessageDigest) prepared.clone();
        } catch (CloneNotSupportedException e) {
            throw new DigestException("SHA-1 cannot be cloned", e);
        }
        md.update(input, 0, length);
        md.digest(out, 0, SHA1_DIGEST_BYTES);
    }

    /** Key padded to one block and XORed with {@code pad}; keys here are shorter than a block. */
    private static byte[] pad(byte[] key, byte pad) {
        byte[] block = new byte[SHA1_BLOCK_BYTES];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) ((i < key.length ? key[i] : 0) ^ pad);
        }
        return block;
    }

    private static void putCounter(byte[] message, long counter) {
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
    }

    /** RFC 4226 section 5.3 dynamic truncation, reduced to six digits. */
    private static int truncate(byte[] digest) {
        int offset = digest[digest.length - 1] & 0x0F;
        int binary = (digest[offset] & 0x7F) << 24 | (digest[offset + 1] & 0xFF) << 16
                | (digest[offset + 2] & 0xFF) << 8 | (digest[offset + 3] & 0xFF);
        return binary % MODULUS;
    }
}
