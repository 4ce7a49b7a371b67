package dev.otpkit.core.internal;

import java.util.List;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Unicode text for properties: weighted toward what people type, yet reaching every plane. */
public final class TextArbitraries {
    private TextArbitraries() {
    }

    /**
     * Text of up to {@code maxCodePoints} code points, each one {@code allowed} accepts.
     *
     * @param maxCodePoints the longest text, in code points
     * @param allowed which code points may appear; should accept most of them, since the others
     *     are drawn again
     * @return the generator
     */
    public static Arbitrary<String> text(int maxCodePoints, IntPredicate allowed) {
        return codePoints().filter(allowed::test).list().ofMaxSize(maxCodePoints).map(TextArbitraries::join);
    }

    /**
     * Tells whether a code point can stand in well-formed UTF-16 and UTF-8: not a surrogate.
     *
     * @param codePoint the code point
     * @return {@code true} unless it is in U+D800..U+DFFF
     */
    public static boolean isScalarValue(int codePoint) {
        return codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE;
    }

    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x7F, 0x7FF)),
                Tuple.of(3, Arbitraries.integers().between(0x800, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT)));
    }

    private static String join(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
