package dev.otpkit.core.internal;

import dev.otpkit.core.HmacAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * HMAC with the JDK's {@link MessageDigest}, for the algorithms whose compression function the
 * JVM runs with the processor's SHA instructions (SHA-1 and SHA-256 on x86 and ARM): faster
 * than any compression function written in Java (otp-bench's {@code Sha1HashBenchmark}).
 * Each thread keeps one digest per algorithm, so no call looks up a provider or allocates. The
 * price is that the pad blocks are hashed again on each call: the JDK resumes a prepared digest
 * state only by cloning it, which allocates.
 */
final class DigestHmacKey extends HmacKey {
    private final HmacAlgorithm algorithm;
    private final byte[] innerPadBlock;
    private final byte[] outerPadBlock;

    DigestHmacKey(HmacAlgorithm algorithm, byte[] innerPadBlock, byte[] outerPadBlock) {
        super(algorithm.digestLength());
        this.algorithm = algorithm;
        this.innerPadBlock = innerPadBlock.clone();
        this.outerPadBlock = outerPadBlock.clone();
    }

    @Override
    byte[] compute(long counter, Scratch scratch) {
        MessageDigest digest = scratch.digest(algorithm);
        byte[] message = scratch.counter;
        byte[] out = scratch.output;
        putLong(message, 0, counter);
        digest.update(innerPadBlock);
        digest.update(message);
        finish(digest, out);
        digest.update(outerPadBlock);
        digest.update(out, 0, digestLength);
        finish(digest, out);
        return out;
    }

    /** Writes the digest into {@code out} and resets it for the next use. */
    private void finish(MessageDigest digest, byte[] out) {
        try {
            digest.digest(out, 0, digestLength);
        } catch (DigestException e) {
            throw new IllegalStateException("the scratch output is smaller than a " + algorithm + " digest", e);
        }
    }
}
