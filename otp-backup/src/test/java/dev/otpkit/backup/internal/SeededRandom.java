package dev.otpkit.backup.internal;

import java.security.SecureRandom;
import java.util.Random;

/**
 * A {@link SecureRandom} that repeats a seeded {@link Random}, so that a property's failing try
 * draws the same codes and salts when jqwik replays or shrinks it. Tests only.
 */
public final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final Random source;

    /**
     * Makes the source.
     *
     * @param seed what the sequence depends on
     */
    public SeededRandom(long seed) {
        this.source = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source.nextBytes(bytes);
    }
}
