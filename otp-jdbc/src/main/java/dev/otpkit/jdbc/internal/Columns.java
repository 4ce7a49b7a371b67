package dev.otpkit.jdbc.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * Checks and converts the values the stores write: ids into {@code VARCHAR(255)} (or its
 * binary twin) columns, instants into {@code BIGINT} milliseconds since the epoch.
 */
public final class Columns {
    /** Longest id (account, authenticator, scope, hash) a store takes: 255 UTF-16 chars. */
    public static final int MAX_ID_LENGTH = 255;

    private Columns() {
    }

    /**
     * Checks an id before it reaches a key column, where the databases would otherwise refuse it
     * (too long; PostgreSQL refuses U+0000) or change it (an unpaired surrogate becomes
     * {@code ?} in UTF-8, so two ids would share one row).
     *
     * @param name the parameter's name, for messages
     * @param id the id
     * @return the id
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if it is longer than 255 chars, holds U+0000 or an
     *     unpaired surrogate; the message does not quote it
     */
    public static String id(String name, String id) {
        Objects.requireNonNull(id, name);
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_ID_LENGTH + " chars, was "
                    + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(name + " must not contain U+0000");
            }
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " must be valid Unicode: it has an unpaired surrogate");
            }
        }
        return id;
    }

    /**
     * Converts an instant to milliseconds since the epoch, saturating beyond the range of
     * {@code long} (as {@link Instant#MAX} is).
     *
     * @param instant the instant
     * @return its milliseconds, or {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE} beyond
     */
    public static long millis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException beyond) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Converts milliseconds since the epoch back, {@link Long#MAX_VALUE} meaning {@link Instant#MAX}.
     *
     * @param millis milliseconds since the epoch
     * @return the instant
     */
    public static Instant instant(long millis) {
        return millis == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(millis);
    }
}
