package dev.otpkit.backup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.internal.TypedCodes.Typing;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The code format: how codes are drawn, shown and read back, against the README's rules. */
class CrockfordCodeProperties {

    @Property
    void readsEveryTypingTheReadmeAllowsAsTheCode(@ForAll("canonicalCodes") String code, @ForAll(supplier = TypedCodes.Typings.class) Typing typing) {
        String typed = typing.type(code);

        assertArrayEquals(CrockfordCode.bytes(code), CrockfordCode.canonicalBytes(typed), typed);
    }

    @Property
    void readsAnyTextAsTheReadmeSaysAndNeverThrows(@ForAll(supplier = TypedCodes.AnyText.class) String text) {
        byte[] read = CrockfordCode.canonicalBytes(text);

        assertEquals(TypedCodes.reference(text), read == null ? null : new String(read, StandardCharsets.US_ASCII));
    }

    @Property
    void drawsCodesOfTheAlphabetThatReadBackFromTheirDisplayedForm(@ForAll long seed) {
        String code = CrockfordCode.generate(new SeededRandom(seed));
        String displayed = CrockfordCode.display(code);

        assertTrue(displayed.matches("[" + TypedCodes.ALPHABET + "]{5}-[" + TypedCodes.ALPHABET + "]{5}"), displayed);
        assertEquals(code, TypedCodes.reference(displayed));
        assertArrayEquals(CrockfordCode.bytes(code), CrockfordCode.canonicalBytes(displayed));
    }

    @Provide
    Arbitrary<String> canonicalCodes() {
        return TypedCodes.canonicalCodes();
    }
}
