package dev.otpkit.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHashTest {
    /**
     * The reference implementation's output for its README example
     * ({@code echo -n password | argon2 somesalt -id -t 2 -k 65536 -p 1 -e}, Debian argon2 0~20171227).
     */
    private static final String REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    @Test
    void readsAndWritesBackTheReferencePhcString() {
        Argon2idHash hash = Argon2idHash.parse(REFERENCE);

        assertNotNull(hash);
        assertEquals(REFERENCE, hash.toPhcString());
    }

    @Test
    void rehashingTheRightPasswordMatchesTheReference() {
        Argon2idHash hash = Argon2idHash.parse(REFERENCE);

        assertTrue(hash.matches(hash.rehash(Argon2idFunction.BOUNCY_CASTLE, bytes("password"))));
        assertFalse(hash.matches(hash.rehash(Argon2idFunction.BOUNCY_CASTLE, bytes("Password"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=2$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=-1,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1a",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$",
        "$argon2id$v=19$m=65536,t=2,p=1$c29t*XNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
    })
    void refusesStringsThatAreNotUsableArgon2idPhcStrings(String phc) {
        assertNull(Argon2idHash.parse(phc));
    }

    @Test
    void acceptsTheLeastAndMostMemoryItAllows() {
        assertNull(Argon2idHash.costProblem(16, 1, 2), "8 KiB per lane");
        assertNull(Argon2idHash.costProblem(Argon2idHash.MAX_MEMORY_KIB, 1, 1));
    }

    @Test
    void readsParametersOfUpToNineDigitsLeadingZerosIncluded() {
        String padded = REFERENCE.replace("m=65536,t=2,p=1", "m=000065536,t=000000002,p=000000001");

        assertEquals(REFERENCE, Argon2idHash.parse(padded).toPhcString());
        assertNull(Argon2idHash.parse(REFERENCE.replace("m=65536", "m=0000065536")), "ten digits");
    }

    @Test
    void namesTheBadParameterAndItsRange() {
        assertNull(Argon2idHash.costProblem(19456, 2, 1));
        assertEquals("memory must be 8 KiB per lane (16) to 1048576 KiB, was 15", Argon2idHash.costProblem(15, 1, 2));
        assertEquals("iterations must be 1 to 64, was 0", Argon2idHash.costProblem(19456, 0, 1));
        assertEquals("parallelism must be 1 to 16, was 17", Argon2idHash.costProblem(19456, 2, 17));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
