package dev.otpkit.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stored hash a code matches, and why stored hashes cannot be checked; the same work is VerificationWorkTest's. */
class ConstantWorkMatcherTest {
    private static final Argon2idHash COST = Argon2idHash.decoy(8, 1, 1);
    private static final byte[] CODE = "K7QX2M9TZ0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_CODE = "K7QX2M9TZ1".getBytes(StandardCharsets.US_ASCII);

    private static ConstantWorkMatcher matcher(int slots, Argon2idFunction argon2) {
        return new ConstantWorkMatcher(slots, List.of(COST), argon2, Argon2idHash::parse);
    }

    /** The PHC string of {@code code} under {@link #COST}, with a salt of {@code saltByte}s. */
    private static String phc(byte[] code, int saltByte) {
        byte[] salt = new byte[Argon2idHash.SALT_BYTES];
        Arrays.fill(salt, (byte) saltByte);
        byte[] hash = Argon2idFunction.BOUNCY_CASTLE.hash(code, salt, 8, 1, 1, Argon2idHash.HASH_BYTES);
        return new Argon2idHash(8, 1, 1, salt, hash).toPhcString();
    }

    @Test
    void findsTheMatchingHashWithASingleSlot() {
        ConstantWorkMatcher matcher = matcher(1, Argon2idFunction.BOUNCY_CASTLE);
        List<String> stored = List.of(phc(CODE, 7));

        assertEquals(0, matcher.indexOfMatch(stored, CODE));
        assertEquals(ConstantWorkMatcher.NO_MATCH, matcher.indexOfMatch(stored, OTHER_CODE));
    }

    @Test
    void findsTheMatchingHashAmongSeveral() {
        ConstantWorkMatcher matcher = matcher(4, Argon2idFunction.BOUNCY_CASTLE);

        assertEquals(2, matcher.indexOfMatch(List.of(phc(OTHER_CODE, 7), phc(new byte[10], 7), phc(CODE, 7)), CODE));
    }

    @Test
    void neverReportsAnEmptySlotEvenIfItsDecoyHashMatched() {
        // An Argon2id that outputs zeros: the decoys' hash. Only a stored hash may be reported.
        ConstantWorkMatcher matcher = matcher(3, (password, salt, m, t, p, length) -> new byte[length]);

        assertEquals(ConstantWorkMatcher.NO_MATCH, matcher.indexOfMatch(List.of(), CODE));
        assertEquals(ConstantWorkMatcher.NO_MATCH, matcher.indexOfMatch(List.of(phc(CODE, 7)), CODE));
    }

    @Test
    void namesTheFirstUnreadableHashByItsNumber() {
        ConstantWorkMatcher matcher = matcher(4, Argon2idFunction.BOUNCY_CASTLE);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> matcher.indexOfMatch(List.of(phc(CODE, 7), "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$", "x"), CODE));

        assertEquals("stored backup code hash number 2 is not an Argon2id (v=19) PHC string with usable parameters",
                thrown.getMessage());
    }

    @Test
    void namesTheFirstHashOfAnotherSetByItsNumber() {
        ConstantWorkMatcher matcher = matcher(4, Argon2idFunction.BOUNCY_CASTLE);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> matcher.indexOfMatch(List.of(phc(CODE, 7), phc(OTHER_CODE, 7), phc(OTHER_CODE, 8)), CODE));

        assertEquals("stored backup code hashes are not one set: hash number 3 has another salt or cost than the"
                + " first; store only whole sets made by BackupCodes", thrown.getMessage());
    }

    @Test
    void checksAsManyHashesAsItHasSlotsAndRefusesMore() {
        ConstantWorkMatcher matcher = matcher(2, Argon2idFunction.BOUNCY_CASTLE);
        String other = phc(OTHER_CODE, 7);

        assertEquals(1, matcher.indexOfMatch(List.of(other, phc(CODE, 7)), CODE));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> matcher.indexOfMatch(List.of(other, other, phc(CODE, 7)), CODE));
        assertEquals("the account has more than 2 stored backup code hashes; store only whole sets made by"
                + " BackupCodes", thrown.getMessage());
    }

    @Test
    void needsASlotAndACost() {
        assertThrows(IllegalArgumentException.class, () -> matcher(0, Argon2idFunction.BOUNCY_CASTLE));
        assertThrows(IllegalArgumentException.class,
                () -> new ConstantWorkMatcher(1, List.of(), Argon2idFunction.BOUNCY_CASTLE, Argon2idHash::parse));
    }
}
