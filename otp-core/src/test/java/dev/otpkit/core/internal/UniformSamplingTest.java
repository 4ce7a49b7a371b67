package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class UniformSamplingTest {

    @Test
    void rejectsCandidatesAtOrAboveTheBoundInsteadOfFoldingThem() {
        // For 10^6 the candidates are the top 20 bits: 2^20 - 1 and 10^6 are out of range and
        // must be drawn again, where "% bound" would have mapped them onto low codes.
        PrimitiveIterator.OfLong bits = LongStream.of(-1L, 1_000_000L << 44, 999_999L << 44).iterator();
        assertEquals(999_999, UniformSampling.below(1_000_000, bits::nextLong));
    }

    @Test
    void usesTheTopBitsOfEachCandidate() {
        PrimitiveIterator.OfLong bits = LongStream.of((123_456L << 44) | 0xFFF_FFFF_FFFFL).iterator();
        assertEquals(123_456, UniformSampling.below(1_000_000, bits::nextLong));
    }

    @Test
    void coversTenDigitBoundsWithThirtyFourBits() {
        PrimitiveIterator.OfLong bits = LongStream.of(-1L, 9_999_999_999L << 30).iterator();
        assertEquals(9_999_999_999L, UniformSampling.below(10_000_000_000L, bits::nextLong));
    }

    @Test
    void boundOfOneNeedsNoRandomness() {
        assertEquals(0, UniformSampling.below(1, () -> {
            throw new AssertionError("no bits needed");
        }));
    }

    @Test
    void refusesBoundBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> UniformSampling.below(0, () -> 0));
    }
}
