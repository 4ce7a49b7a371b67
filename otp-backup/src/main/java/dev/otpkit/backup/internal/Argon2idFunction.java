package dev.otpkit.backup.internal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The Argon2id function (RFC 9106, version 0x13). An interface so that a test can count
 * evaluations around the real implementation; {@link #BOUNCY_CASTLE} is the only one shipped.
 */
@FunctionalInterface
public interface Argon2idFunction {
    /** BouncyCastle's Argon2id; thread-safe, as each call builds its own generator. */
    Argon2idFunction BOUNCY_CASTLE = Argon2idFunction::bouncyCastle;

    /**
     * Computes Argon2id.
     *
     * @param password the password bytes
     * @param salt the salt, 8 bytes or more
     * @param memoryKiB memory cost in KiB, at least 8 per lane
     * @param iterations number of passes, 1 or more
     * @param parallelism number of lanes, 1 or more
     * @param length output length in bytes, 4 or more
     * @return the output
     */
    byte[] hash(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length);

    private static byte[] bouncyCastle(
            byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
