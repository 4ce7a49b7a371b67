package dev.otpkit.backup.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Argon2id hash with its parameters, in the PHC string format every Argon2 implementation
 * reads: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in Base64
 * without padding. Immutable; holds no secret (the hash of a 50-bit code is what the
 * application stores anyway).
 */
public final class Argon2idHash {
    /** Salt length of new hashes, in bytes: 16 (128 bits, RFC 9106 recommends 16). */
    public static final int SALT_BYTES = 16;
    /** Hash length of new hashes, in bytes: 32 (RFC 9106's recommended tag length). */
    public static final int HASH_BYTES = 32;
    /** Most memory any hash may ask for, in KiB: 1 GiB, so a stored string cannot exhaust the heap. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** Most passes any hash may ask for: 64. */
    public static final int MAX_ITERATIONS = 64;
    /** Most lanes any hash may ask for: 16. */
    public static final int MAX_PARALLELISM = 16;

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int MIN_STORED_SALT_BYTES = 8;
    private static final int MIN_STORED_HASH_BYTES = 16;
    private static final int MAX_STORED_BYTES = 64;
    /** Longest PHC string read at all; a longer one is refused before it is split. */
    private static final int MAX_PHC_LENGTH = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final byte[] salt;
    private final byte[] hash;

    /**
     * Wraps a computed hash; the arrays are kept, not copied.
     *
     * @param memoryKiB memory cost in KiB
     * @param iterations number of passes
     * @param parallelism number of lanes
     * @param salt the salt
     * @param hash the Argon2id output
     */
    public Argon2idHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Makes a hash that stands in where there is nothing to check: a zero salt of
     * {@value #SALT_BYTES} bytes and a zero hash of {@value #HASH_BYTES} bytes, which no
     * Argon2id output matches but with 2<sup>-256</sup> odds.
     *
     * @param memoryKiB memory cost in KiB
     * @param iterations number of passes
     * @param parallelism number of lanes
     * @return the decoy, costing as much to {@link #rehash} as a real hash of that cost
     */
    public static Argon2idHash decoy(int memoryKiB, int iterations, int parallelism) {
        return new Argon2idHash(memoryKiB, iterations, parallelism, new byte[SALT_BYTES], new byte[HASH_BYTES]);
    }

    /**
     * Says what is wrong with a set of Argon2id parameters, if anything.
     *
     * @param memoryKiB memory cost in KiB
     * @param iterations number of passes
     * @param parallelism number of lanes
     * @return {@code null} if the parameters are usable, otherwise a message naming the bad
     *     parameter and its allowed range
     */
    public static String costProblem(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return "parallelism must be 1 to " + MAX_PARALLELISM + ", was " + parallelism;
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return "iterations must be 1 to " + MAX_ITERATIONS + ", was " + iterations;
        }
        // Argon2 needs 8 KiB per lane at least (RFC 9106 section 3.1).
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return "memory must be 8 KiB per lane (" + 8 * parallelism + ") to " + MAX_MEMORY_KIB
                    + " KiB, was " + memoryKiB;
        }
        return null;
    }

    /**
     * Reads a PHC string.
     *
     * @param phc the stored text
     * @return the hash, or {@code null} if the text is not an Argon2id version 19 PHC string
     *     with usable parameters
     */
    public static Argon2idHash parse(String phc) {
        if (phc == null || phc.length() > MAX_PHC_LENGTH || !phc.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return null;
        }
        String[] cost = parts[0].split(",", -1);
        if (cost.length != 3) {
            return null;
        }
        int memoryKiB = parameter(cost[0], "m=");
        int iterations = parameter(cost[1], "t=");
        int parallelism = parameter(cost[2], "p=");
        byte[] salt = base64(parts[1]);
        byte[] hash = base64(parts[2]);
        if (costProblem(memoryKiB, iterations, parallelism) != null
                || !hasLength(salt, MIN_STORED_SALT_BYTES) || !hasLength(hash, MIN_STORED_HASH_BYTES)) {
            return null;
        }
        return new Argon2idHash(memoryKiB, iterations, parallelism, salt, hash);
    }

    /**
     * Formats the hash as a PHC string.
     *
     * @return for example {@code $argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$...}
     */
    public String toPhcString() {
        return PREFIX + cost() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Hashes {@code password} with this hash's salt and parameters.
     *
     * @param function the Argon2id implementation
     * @param password the canonical code bytes
     * @return the Argon2id output, as long as this hash
     */
    byte[] rehash(Argon2idFunction function, byte[] password) {
        return function.hash(password, salt, memoryKiB, iterations, parallelism, hash.length);
    }

    /**
     * Compares {@code candidate} with this hash in time that depends only on the lengths.
     *
     * @param candidate an Argon2id output
     * @return whether they are equal
     */
    boolean matches(byte[] candidate) {
        return MessageDigest.isEqual(candidate, hash);
    }

    /**
     * Describes the cost parameters as they appear in the PHC string.
     *
     * @return for example {@code "m=19456,t=2,p=1"}
     */
    String cost() {
        return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }

    /**
     * Tells whether {@code other} costs the same to compute: the same memory, passes and lanes.
     *
     * @param other another hash
     * @return whether the three cost parameters are the same
     */
    boolean sharesCost(Argon2idHash other) {
        return memoryKiB == other.memoryKiB && iterations == other.iterations && parallelism == other.parallelism;
    }

    /**
     * Tells whether {@code other} was made with the same salt and parameters, so that one
     * evaluation of Argon2id serves to check a code against both.
     *
     * @param other another hash
     * @return whether salt, parameters and hash length are the same
     */
    public boolean sharesSaltAndCost(Argon2idHash other) {
        return sharesCost(other) && hash.length == other.hash.length && Arrays.equals(salt, other.salt);
    }

    private static int parameter(String text, String name) {
        if (!text.startsWith(name) || text.length() == name.length() || text.length() > name.length() + 9) {
            return -1;
        }
        int value = 0;
        for (int i = name.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] base64(String text) {
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean hasLength(byte[] bytes, int minimum) {
        return bytes != null && bytes.length >= minimum && bytes.length <= MAX_STORED_BYTES;
    }
}
