package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of Base32, checked against commons-codec, an independent implementation. */
class Base32Properties {
    private static final org.apache.commons.codec.binary.Base32 CODEC = new org.apache.commons.codec.binary.Base32();
    private static final int MAX_BYTES = 1024;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Property
    void decodeReadsBackEncode(@ForAll("bytes") byte[] bytes) {
        assertArrayEquals(bytes, Base32.decode(Base32.encode(bytes), MAX_BYTES));
        assertEquals(Base32.encodedLength(bytes.length), Base32.encode(bytes).length());
    }

    @Property
    void encodeWritesWhatCommonsCodecWritesLessThePadding(@ForAll("bytes") byte[] bytes) {
        assertEquals(CODEC.encodeToString(bytes).replace("=", ""), Base32.encode(bytes));
    }

    @Property
    void decodeReadsWhatCommonsCodecReads(@ForAll("codecOutput") String text) {
        assertArrayEquals(CODEC.decode(text), Base32.decode(text, MAX_BYTES));
    }

    /** Any run of Base32 characters of a length whole bytes can have, final bits dropped alike. */
    @Property
    void decodeAgreesWithCommonsCodecOnAnyPossibleLength(@ForAll("possibleLengths") String text) {
        assertArrayEquals(CODEC.decode(text), Base32.decode(text, MAX_BYTES));
    }

    @Property
    void caseSeparatorsAndPaddingChangeNothing(@ForAll("bytes") byte[] bytes, @ForAll("spacing") int[] gaps) {
        String canonical = Base32.encode(bytes);
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < canonical.length(); i++) {
            typed.append(gaps[i % gaps.length] == 0 ? "" : " -\t".charAt(gaps[i % gaps.length] - 1));
            char c = canonical.charAt(i);
            typed.append(i % 3 == 0 ? Character.toLowerCase(c) : c);
        }
        typed.append("=".repeat(gaps[0]));

        assertArrayEquals(bytes, Base32.decode(typed, MAX_BYTES));
    }

    @Property
    void decodeRefusesAnyTextOnlyWithIllegalArgumentException(@ForAll("anyText") String text,
            @ForAll("caps") int maxBytes) {
        try {
            byte[] decoded = Base32.decode(text, maxBytes);
            assertEquals(true, decoded.length <= maxBytes, "more bytes than the cap");
        } catch (IllegalArgumentException refused) {
            // a normal refusal; any other exception fails the property
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX_BYTES);
    }

    @Provide
    Arbitrary<String> codecOutput() {
        return bytes().map(CODEC::encodeToString);
    }

    @Provide
    Arbitrary<String> possibleLengths() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(200).filter(text -> {
            int lastGroup = text.length() % 8;
            return lastGroup != 1 && lastGroup != 3 && lastGroup != 6;
        });
    }

    /** Where separators go: 0 none, 1 space, 2 hyphen, 3 tab; cycled over the text. */
    @Provide
    Arbitrary<int[]> spacing() {
        return Arbitraries.integers().between(0, 3).array(int[].class).ofMinSize(1).ofMaxSize(9);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars(ALPHABET + ALPHABET.toLowerCase(Locale.ROOT) + " -=\t18")
                        .ofMaxLength(300));
    }

    @Provide
    Arbitrary<Integer> caps() {
        return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.of(true, false))
                .as((cap, large) -> large ? MAX_BYTES : cap);
    }
}
