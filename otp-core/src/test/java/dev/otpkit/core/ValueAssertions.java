package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The parts of the value types' equality contracts that equal pairs alone do not check. */
final class ValueAssertions {
    private ValueAssertions() {
    }

    /**
     * Asserts that values which differ have distinct hash codes, so that they spread over a
     * hash table's buckets instead of sharing one.
     *
     * @param distinct values no two of which are equal
     */
    static void assertHashesApart(Object... distinct) {
        Set<Integer> hashes = new HashSet<>();
        for (Object value : distinct) {
            hashes.add(value.hashCode());
        }
        assertEquals(distinct.length, hashes.size(), () -> "hash codes collide among " + Arrays.toString(distinct));
    }

    /**
     * Asserts that a value equals neither null nor an object of another type, not even its own
     * description.
     *
     * @param value the value
     */
    static void assertEqualsNothingElse(Object value) {
        assertFalse(value.equals(null), "equal to null");
        assertFalse(value.equals(value.toString()), "equal to its description");
    }
}
