package dev.otpkit.backup;

import dev.otpkit.backup.internal.Argon2idHash;
import java.util.Objects;

/**
 * How expensive the Argon2id hash of a backup code is: memory, passes and lanes (RFC 9106).
 * Immutable and thread-safe.
 *
 * <p>{@link #of} accepts only costs at least as strong as one of the configurations OWASP's
 * Password Storage Cheat Sheet lists as its minimum for Argon2id (all with one lane):
 * 47104 KiB and 1 pass, 19456 KiB and 2, 12288 KiB and 3, 9216 KiB and 4, 7168 KiB and 5.
 * The default, {@link #OWASP_MINIMUM}, is 19456 KiB and 2 passes.
 * Weaker costs exist only for tests, through {@link #forTesting}.
 *
 * <p>The cost is written into each PHC string, so codes made under one cost keep verifying
 * after the application moves to another.
 */
public final class Argon2idCost {
    /** OWASP's minimum Argon2id cost: m=19456 KiB, t=2, p=1. The default. */
    public static final Argon2idCost OWASP_MINIMUM = new Argon2idCost(19456, 2, 1);

    /** OWASP's equivalent minimum configurations, as {memory KiB, passes}. */
    private static final int[][] OWASP_FLOORS = {{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}};

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    private Argon2idCost(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /**
     * Makes a cost at least as strong as OWASP's minimum.
     *
     * @param memoryKiB memory in KiB, up to 1048576 (1 GiB)
     * @param iterations passes over the memory, 1 to 64
     * @param parallelism lanes, 1 to 16 (BouncyCastle computes them one after the other)
     * @return the cost
     * @throws IllegalArgumentException if a parameter is out of its range, or memory and passes
     *     are below every one of OWASP's minimum configurations (listed in the class comment)
     */
    public static Argon2idCost of(int memoryKiB, int iterations, int parallelism) {
        Argon2idCost cost = forTesting(memoryKiB, iterations, parallelism);
        if (!cost.meetsOwaspMinimum()) {
            throw new IllegalArgumentException("Argon2id cost m=" + memoryKiB + " KiB, t=" + iterations
                    + " is below OWASP's minimum: use at least m=47104,t=1 or m=19456,t=2 or m=12288,t=3"
                    + " or m=9216,t=4 or m=7168,t=5; Argon2idCost.forTesting exists for tests only");
        }
        return cost;
    }

    /**
     * Makes any cost Argon2id allows, however weak: for tests that are about logic rather than
     * cost. Never use it for codes that protect an account.
     *
     * @param memoryKiB memory in KiB, 8 per lane to 1048576 (1 GiB)
     * @param iterations passes over the memory, 1 to 64
     * @param parallelism lanes, 1 to 16
     * @return the cost
     * @throws IllegalArgumentException if a parameter is out of its range
     */
    public static Argon2idCost forTesting(int memoryKiB, int iterations, int parallelism) {
        String problem = Argon2idHash.costProblem(memoryKiB, iterations, parallelism);
        if (problem != null) {
            throw new IllegalArgumentException("Argon2id " + problem);
        }
        return new Argon2idCost(memoryKiB, iterations, parallelism);
    }

    /**
     * Returns the memory cost.
     *
     * @return memory in KiB (the PHC parameter {@code m})
     */
    public int memoryKiB() {
        return memoryKiB;
    }

    /**
     * Returns the time cost.
     *
     * @return passes over the memory (the PHC parameter {@code t})
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the degree of parallelism.
     *
     * @return lanes (the PHC parameter {@code p})
     */
    public int parallelism() {
        return parallelism;
    }

    /** Whether memory and passes reach one of OWASP's minimum configurations. */
    boolean meetsOwaspMinimum() {
        for (int[] floor : OWASP_FLOORS) {
            if (memoryKiB >= floor[0] && iterations >= floor[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares costs by value.
     *
     * @param other the object to compare with
     * @return whether {@code other} is the same cost
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Argon2idCost)) {
            return false;
        }
        Argon2idCost that = (Argon2idCost) other;
        return memoryKiB == that.memoryKiB && iterations == that.iterations && parallelism == that.parallelism;
    }

    /**
     * Hashes the parameters.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(memoryKiB, iterations, parallelism);
    }

    /**
     * Describes the cost in PHC notation.
     *
     * @return for example {@code "Argon2idCost[m=19456,t=2,p=1]"}
     */
    @Override
    public String toString() {
        return "Argon2idCost[m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "]";
    }
}
