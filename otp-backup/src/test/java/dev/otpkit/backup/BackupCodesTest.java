package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.backup.internal.Argon2idFunction;
import dev.otpkit.backup.internal.CrockfordCode;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.StoreException;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import dev.otpkit.core.Verification.Status;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of backup codes; hashing runs at a test cost (the cost has its own tests). */
class BackupCodesTest {
    /** Cheap enough for logic tests: 64 KiB, one pass. */
    static final Argon2idCost TEST_COST = Argon2idCost.forTesting(64, 1, 1);
    private static final Pattern DISPLAYED = Pattern.compile("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    /** When a full test store says it expects room. */
    private static final Instant ROOM = Instant.parse("2026-11-22T12:05:00Z");

    private final AtomicInteger evaluations = new AtomicInteger();
    /** Every password array given to Argon2id, to check that it is wiped afterwards. */
    private final List<byte[]> hashedPasswords = Collections.synchronizedList(new ArrayList<>());
    private final Argon2idFunction countingArgon2 = (password, salt, m, t, p, length) -> {
        evaluations.incrementAndGet();
        hashedPasswords.add(password);
        return Argon2idFunction.BOUNCY_CASTLE.hash(password, salt, m, t, p, length);
    };

    private BackupCodes.Builder builder() {
        return BackupCodes.builder().cost(TEST_COST).argon2(countingArgon2)
                .attemptLimiter(AttemptLimiter.inMemoryBuilder().failuresBeforeLock(100).build());
    }

    @Test
    void makesTenDistinctCodesInTwoGroupsOfFiveByDefault() {
        BackupCodeSet set = builder().build().generate();

        assertEquals(10, set.codes().size());
        assertEquals(10, new HashSet<>(set.codes()).size());
        set.codes().forEach(code -> assertTrue(DISPLAYED.matcher(code).matches(), code));
    }

    @Test
    void hashesEachCodeAsPhcStringWithOneSaltPerSet() {
        BackupCodes backup = builder().count(3).build();
        BackupCodeSet first = backup.generate();
        BackupCodeSet second = backup.generate();

        assertEquals(3, first.hashes().size());
        first.hashes().forEach(phc -> assertTrue(PHC.matcher(phc).matches(), phc));
        assertEquals(1, first.hashes().stream().map(BackupCodesTest::salt).distinct().count());
        assertNotEquals(salt(first.hashes().get(0)), salt(second.hashes().get(0)));
        assertEquals(3, first.hashes().stream().distinct().count());
    }

    @Test
    void storesOnlyTheArgon2idHashesOfTheCodes() {
        BackupCodeStore store = BackupCodeStore.inMemory();
        BackupCodeSet set = builder().store(store).build().generate("alice");

        List<String> stored = store.hashes("alice");
        assertEquals(set.hashes(), stored);
        for (String phc : stored) {
            assertTrue(PHC.matcher(phc).matches(), phc);
            for (String code : set.codes()) {
                for (String form : List.of(code, code.replace("-", ""), code.toLowerCase(Locale.ROOT))) {
                    assertFalse(phc.contains(form), "a stored hash holds the code " + form);
                }
            }
        }
    }

    @Test
    void acceptsEachCodeOnlyOnce() {
        BackupCodes backup = builder().build();
        BackupCodeSet set = backup.generate("alice");
        String code = set.codes().get(3);

        assertEquals(Status.VALID, backup.verify("alice", code).status());
        assertEquals(Status.INVALID, backup.verify("alice", code).status());
        assertEquals(9, backup.remaining("alice"));
        assertEquals(Status.VALID, backup.verify("alice", set.codes().get(4)).status());
    }

    @Test
    void acceptsEveryCodeOfTheSetOnceUntilNoneRemain() {
        BackupCodes backup = builder().count(4).build();
        BackupCodeSet set = backup.generate("alice");

        for (String code : set.codes()) {
            assertTrue(backup.verify("alice", code).isValid());
        }
        assertEquals(0, backup.remaining("alice"));
        assertEquals(Status.INVALID, backup.verify("alice", set.codes().get(0)).status());
    }

    @Test
    void sixteenThreadsRacingWithOneCodeGetExactlyOneSuccess() throws Exception {
        BackupCodes backup = builder().build();
        String code = backup.generate("alice").codes().get(0);

        List<Verification> results = Race.run(16, () -> backup.verify("alice", code));

        assertEquals(1, results.stream().filter(Verification::isValid).count());
        assertEquals(15, results.stream().filter(r -> r.status() == Status.INVALID).count());
        assertEquals(9, backup.remaining("alice"));
    }

    @Test
    void sixteenThreadsRacingWithTheDefaultLimiterStillGetExactlyOneSuccess() throws Exception {
        BackupCodes backup = BackupCodes.builder().cost(TEST_COST).build();
        String code = backup.generate("alice").codes().get(0);

        List<Verification> results = Race.run(16, () -> backup.verify("alice", code));

        // Some attempts may be locked out unchecked (how many depends on when the success resets
        // the limiter), but none of them can be a second success.
        assertEquals(1, results.stream().filter(Verification::isValid).count());
        assertEquals(15, results.stream()
                .filter(r -> r.status() == Status.INVALID || r.status() == Status.LOCKED).count());
    }

    @Test
    void newSetInvalidatesTheOld() {
        BackupCodes backup = builder().build();
        BackupCodeSet old = backup.generate("alice");
        BackupCodeSet fresh = backup.generate("alice");

        for (String code : old.codes()) {
            assertEquals(Status.INVALID, backup.verify("alice", code).status());
        }
        assertEquals(10, backup.remaining("alice"));
        assertTrue(backup.verify("alice", fresh.codes().get(0)).isValid());
    }

    @Test
    void codesOfOneAccountDoNotOpenAnother() {
        BackupCodes backup = builder().build();
        BackupCodeSet alices = backup.generate("alice");
        backup.generate("bob");

        assertEquals(Status.INVALID, backup.verify("bob", alices.codes().get(0)).status());
        assertEquals(10, backup.remaining("alice"));
    }

    @Test
    void revokeRemovesEveryCode() {
        BackupCodes backup = builder().build();
        BackupCodeSet set = backup.generate("alice");

        backup.revoke("alice");

        assertEquals(0, backup.remaining("alice"));
        assertEquals(Status.INVALID, backup.verify("alice", set.codes().get(0)).status());
    }

    @Test
    void acceptsCodesTypedInLowerCaseWithoutDashWithSpacesAndLookAlikeLetters() {
        BackupCodes backup = builder().build();
        BackupCodeSet set = backup.generate("alice");

        for (int i = 0; i < set.codes().size(); i++) {
            // Crockford's readings: o for 0, i or l for 1; the user's grouping does not matter.
            String typed = " " + set.codes().get(i).toLowerCase().replace('0', 'o').replace('1', i % 2 == 0 ? 'i' : 'l')
                    .replace("-", "").replaceFirst("(...)", "$1 ") + "\t";
            assertTrue(backup.verify("alice", typed).isValid(), typed);
        }
        assertEquals(0, backup.remaining("alice"));
    }

    @Test
    void refusesACodeOneSymbolAway() {
        BackupCodes backup = builder().count(1).build();
        String code = backup.generate("alice").codes().get(0);
        char last = code.charAt(code.length() - 1);

        String neighbour = code.substring(0, code.length() - 1) + (last == 'Z' ? 'Y' : 'Z');

        assertEquals(Status.INVALID, backup.verify("alice", neighbour).status());
        assertTrue(backup.verify("alice", code).isValid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-----", "K7QX2-M9TZ", "K7QX2-M9TZDD", "K7QX2-M9TZU", "K7QX2_M9TZD",
        "K7QX2.M9TZD", "K7QX2-M9TZ\u0414", "\uFF2B7QX2-M9TZD", "K7QX2-M9TZ\u00D8", "K7QX2-M9TZ\uD83D\uDE00",
        "K7QX2-M9TZ\u0000", "K7QX2-M9TZD\u00A0", "'; DROP TABLE codes; --"})
    void refusesInputThatIsNotACodeWithoutHashing(String typed) {
        BackupCodes backup = builder().build();
        backup.generate("alice");
        evaluations.set(0);

        assertEquals(Status.MALFORMED, backup.verify("alice", typed).status());
        assertEquals(0, evaluations.get());
    }

    @Test
    void refusesNullAndHugeInputWithoutHashing() {
        BackupCodes backup = builder().build();
        backup.generate("alice");
        evaluations.set(0);

        assertEquals(Status.MALFORMED, backup.verify("alice", null).status());
        assertEquals(Status.MALFORMED, backup.verify("alice", "K".repeat(10_000_000)).status());
        assertEquals(Status.MALFORMED, backup.verify("alice", "-".repeat(65)).status());
        assertEquals(0, evaluations.get());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void spendsOneArgon2EvaluationPerAttemptWhateverTheSetSize(int count) {
        BackupCodes backup = builder().count(count).build();
        BackupCodeSet set = backup.generate("alice");
        assertEquals(count, evaluations.getAndSet(0), "one evaluation per generated code");

        backup.verify("alice", "00000-00000");
        assertEquals(1, evaluations.getAndSet(0), "wrong code");
        backup.verify("alice", set.codes().get(count - 1));
        assertEquals(1, evaluations.getAndSet(0), "right code");
        backup.verify("alice", set.codes().get(count - 1));
        assertEquals(1, evaluations.getAndSet(0), "used code");
    }

    @Test
    void spendsOneArgon2EvaluationForAnAccountWithoutCodes() {
        BackupCodes backup = builder().build();

        assertEquals(Status.INVALID, backup.verify("nobody", "00000-00000").status());
        assertEquals(1, evaluations.get());
    }

    @Test
    void wipesTheCodeBytesItHashedOnceDone() {
        BackupCodes backup = builder().count(2).build();
        BackupCodeSet set = backup.generate("alice");

        assertTrue(backup.verify("alice", set.codes().get(0)).isValid());
        assertEquals(Status.INVALID, backup.verify("alice", "00000-00001").status());

        assertEquals(4, hashedPasswords.size(), "two codes generated, two attempts");
        hashedPasswords.forEach(password -> assertArrayEquals(new byte[CrockfordCode.SYMBOLS], password));
    }

    @Test
    void refusesUncheckedWhileTheAccountIsLocked() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().failuresBeforeLock(3)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        BackupCodes backup = builder().attemptLimiter(limiter).build();
        BackupCodeSet set = backup.generate("alice");
        for (int i = 0; i < 3; i++) {
            assertEquals(Status.INVALID, backup.verify("alice", "00000-0000" + i).status());
        }
        evaluations.set(0);

        Verification locked = backup.verify("alice", set.codes().get(0));

        assertEquals(Status.LOCKED, locked.status());
        assertEquals(now.plus(AttemptLimiter.DEFAULT_FIRST_LOCK), locked.retryAfter().orElseThrow());
        assertEquals("Verification[LOCKED until 2026-11-22T12:15:00Z]", locked.toString());
        assertEquals(0, evaluations.get());
        assertEquals(10, backup.remaining("alice"));
    }

    @Test
    void successClearsTheFailuresOfTheSharedLimiter() {
        AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().failuresBeforeLock(3).build();
        BackupCodes backup = builder().attemptLimiter(limiter).build();
        BackupCodeSet set = backup.generate("alice");
        backup.verify("alice", "00000-00000");
        backup.verify("alice", "00000-00001");

        assertTrue(backup.verify("alice", set.codes().get(0)).isValid());

        backup.verify("alice", "00000-00002");
        backup.verify("alice", "00000-00003");
        assertTrue(backup.verify("alice", set.codes().get(1)).isValid(), "two failures after a success do not lock");
    }

    @Test
    void wrongTotpCodesAndWrongBackupCodesCountTowardsOneLockOfASharedLimiter() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        AttemptLimiter shared = AttemptLimiter.inMemoryBuilder().clock(clock).build();
        Totp totp = Totp.builder().build();
        TotpVerifier totpCodes = TotpVerifier.builder(totp).clock(clock).attemptLimiter(shared).build();
        BackupCodes backup = builder().attemptLimiter(shared).build();
        OtpSecret secret = OtpSecret.generate();
        BackupCodeSet set = backup.generate("alice");
        String wrongTotp = codeOfNoStepAround(totp, secret, now);

        for (int i = 0; i < 3; i++) {
            assertEquals(Status.INVALID, totpCodes.verify("alice", secret, wrongTotp).status());
        }
        assertEquals(Status.INVALID, backup.verify("alice", "00000-00000").status());
        assertEquals(Status.INVALID, backup.verify("alice", "00000-00001").status());

        String locked = "Verification[LOCKED until 2026-11-22T12:15:00Z]";
        assertEquals(locked, backup.verify("alice", set.codes().get(0)).toString(),
                "the fifth failure locked the backup codes");
        assertEquals(locked, totpCodes.verify("alice", secret, totp.generate(secret, now)).toString(),
                "and the TOTP codes");
    }

    /** A TOTP code that none of the 3 steps of the default window around {@code time} has. */
    private static String codeOfNoStepAround(Totp totp, OtpSecret secret, Instant time) {
        long current = totp.step(time);
        List<String> window = List.of(totp.generateForStep(secret, current - 1), totp.generateForStep(secret, current),
                totp.generateForStep(secret, current + 1));
        return window.contains("000000") ? (window.contains("000001") ? "000002" : "000001") : "000000";
    }

    @Test
    void failsLoudlyWhenTheStoreHoldsSomethingElseThanASet() {
        BackupCodeStore store = BackupCodeStore.inMemory();
        BackupCodes backup = builder().store(store).count(2).build();
        List<String> mixed = new ArrayList<>(backup.generate().hashes().subList(0, 1));
        mixed.addAll(backup.generate().hashes().subList(0, 1));
        store.replace("mixed", mixed);
        store.replace("garbage", List.of("plain text"));

        IllegalStateException notASet = assertThrows(IllegalStateException.class,
                () -> backup.verify("mixed", "00000-00000"));
        assertTrue(notASet.getMessage().contains("another salt or cost"), notASet.getMessage());
        assertThrows(IllegalStateException.class, () -> backup.verify("garbage", "00000-00000"));
    }

    @Test
    void verifiesASetMadeUnderAPreviousCostAsWellAsNewSets() {
        BackupCodeStore store = BackupCodeStore.inMemory();
        BackupCodeSet old = builder().store(store).build().generate("alice");

        BackupCodes later = builder().store(store).cost(Argon2idCost.forTesting(128, 2, 1))
                .previousCosts(Argon2idCost.forTesting(32, 1, 1), TEST_COST).build();

        assertTrue(later.verify("alice", old.codes().get(0)).isValid());
        BackupCodeSet fresh = later.generate("bob");
        assertTrue(fresh.hashes().get(0).startsWith("$argon2id$v=19$m=128,t=2,p=1$"), fresh.hashes().get(0));
        assertTrue(later.verify("bob", fresh.codes().get(0)).isValid());
    }

    @Test
    void showsNoCodeInToString() {
        BackupCodes backup = builder().build();
        BackupCodeSet set = backup.generate("alice");

        assertEquals("BackupCodeSet[10 codes]", set.toString());
        assertEquals("BackupCodes[10 codes, Argon2idCost[m=64,t=1,p=1]]", backup.toString());
    }

    @Test
    void answersWithTheSharedVerificationsWithoutMatchOrRetryTime() {
        BackupCodes backup = builder().build();
        BackupCodeSet set = backup.generate("alice");

        Verification valid = backup.verify("alice", set.codes().get(0));
        Verification invalid = backup.verify("alice", set.codes().get(0));
        Verification malformed = backup.verify("alice", "not a code");

        assertEquals("Verification[VALID]", valid.toString());
        assertEquals("Verification[INVALID]", invalid.toString());
        assertEquals("Verification[MALFORMED]", malformed.toString());
        for (Verification outcome : List.of(valid, invalid, malformed)) {
            assertEquals(Optional.empty(), outcome.match(), outcome.toString());
            assertEquals(Optional.empty(), outcome.retryAfter(), outcome.toString());
        }
        assertEquals(valid, backup.verify("alice", set.codes().get(1)), "compared by value");
    }

    @Test
    void failsInsteadOfLoopingWhenTheRandomSourceRepeatsItself() {
        BackupCodes backup = builder().count(2).random(new RepeatingRandom()).build();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, backup::generate);
        assertEquals("the random source keeps repeating itself: 4 draws gave 1 distinct codes", thrown.getMessage());
    }

    /** A broken random source: every byte is zero. */
    private static final class RepeatingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void refusesACountOutsideOneToHundred(int count) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> BackupCodes.builder().count(count).build());
        assertEquals("count must be 1 to 100 codes, was " + count, thrown.getMessage());
    }

    @Test
    void refusesNullArguments() {
        BackupCodes backup = builder().build();
        assertThrows(NullPointerException.class, () -> backup.verify(null, "00000-00000"));
        assertThrows(NullPointerException.class, () -> backup.generate(null));
        assertThrows(NullPointerException.class, () -> backup.remaining(null));
        assertThrows(NullPointerException.class, () -> BackupCodes.builder().store(null));
        assertThrows(NullPointerException.class, () -> BackupCodes.builder().attemptLimiter(null));
        assertThrows(NullPointerException.class, () -> BackupCodes.builder().previousCosts(TEST_COST, null));
    }

    @Test
    void usesOwaspMinimumCostByDefaultAndItsCodesVerify() {
        BackupCodes backup = BackupCodes.builder().count(1).build();
        BackupCodeSet set = backup.generate("alice");

        assertEquals(Argon2idCost.OWASP_MINIMUM, backup.cost());
        assertTrue(set.hashes().get(0).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), set.hashes().get(0));
        assertTrue(backup.verify("alice", set.codes().get(0).toLowerCase()).isValid());
    }

    @Test
    void generateRefusesANewAccountWhenTheInMemoryStoreIsFull() {
        BackupCodes backup = builder().store(BackupCodeStore.inMemoryBuilder().maxEntries(1).build()).build();
        BackupCodeSet alice = backup.generate("alice");

        assertThrows(StoreFullException.class, () -> backup.generate("bob"));
        assertEquals(0, backup.remaining("bob"));
        assertTrue(backup.verify("alice", alice.codes().get(0)).isValid(), "alice's set is never evicted");
        assertEquals(10, backup.generate("alice").codes().size(), "alice may still replace her set");
    }

    @Test
    void answersUnavailableUncheckedWhenTheLimiterHasNoRoomAndCountsNothing() {
        AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().failuresBeforeLock(2).maxEntries(1).build();
        BackupCodes backup = builder().attemptLimiter(limiter).build();
        BackupCodeSet set = backup.generate("alice");
        assertEquals(Status.INVALID, backup.verify("bob", "00000-00000").status(), "bob's failure fills the limiter");
        evaluations.set(0);

        Verification refused = backup.verify("alice", set.codes().get(0));

        assertEquals(Status.UNAVAILABLE, refused.status());
        assertEquals(Optional.empty(), refused.retryAfter(), "room frees when bob succeeds: no time to tell");
        assertEquals(0, evaluations.get(), "the code is not checked");
        assertEquals(10, backup.remaining("alice"));
        limiter.recordSuccess("bob");
        assertEquals(Status.INVALID, backup.verify("alice", "00000-00000").status());
        assertTrue(backup.verify("alice", set.codes().get(0)).isValid(), "the refusal was not counted: no lock");
    }

    /**
     * Backup codes on {@code store} whose limiter locks at the first counted failure, so that a
     * right code accepted afterwards proves that nothing was counted.
     */
    private BackupCodes lockingAtTheFirstFailure(BackupCodeStore store) {
        return builder().store(store).attemptLimiter(AttemptLimiter.inMemoryBuilder().failuresBeforeLock(1).build())
                .build();
    }

    @ParameterizedTest
    @EnumSource(FailingStore.Operation.class)
    void answersUnavailableWithTheRetryTimeWhenTheStoreIsFullAndUsesUpAndCountsNothing(FailingStore.Operation full) {
        FailingStore store = new FailingStore();
        BackupCodes backup = lockingAtTheFirstFailure(store);
        BackupCodeSet set = backup.generate("alice");
        store.fail(full, new StoreFullException("a test store", 1, ROOM));

        Verification refused = backup.verify("alice", set.codes().get(0));

        assertEquals(Status.UNAVAILABLE, refused.status());
        assertEquals(ROOM, refused.retryAfter().orElseThrow());
        store.fail(full, null);
        assertEquals(10, backup.remaining("alice"), "nothing used up");
        assertTrue(backup.verify("alice", set.codes().get(0)).isValid(), "one counted failure would have locked alice");
    }

    @Test
    void letsEveryOtherStoreFailureReachTheCaller() {
        StoreException down = new StoreException("the test database is down");
        FailingStore store = new FailingStore();
        BackupCodes backup = builder().store(store).build();
        BackupCodeSet set = backup.generate("alice");

        store.fail(FailingStore.Operation.REMOVE, down);
        assertSame(down, assertThrows(StoreException.class, () -> backup.verify("alice", set.codes().get(0))));
        store.fail(FailingStore.Operation.READ, down);
        assertSame(down, assertThrows(StoreException.class, () -> backup.verify("alice", set.codes().get(0))));
        assertSame(down, assertThrows(StoreException.class,
                () -> builder().attemptLimiter(new DownLimiter(down)).build().verify("alice", "00000-00000")));
    }

    /** A limiter whose database is down. */
    private static final class DownLimiter implements AttemptLimiter {
        private final StoreException failure;

        DownLimiter(StoreException failure) {
            this.failure = failure;
        }

        @Override
        public Attempt beginAttempt(String accountId) {
            throw failure;
        }

        @Override
        public void recordSuccess(String accountId) {
            throw failure;
        }
    }

    private static String salt(String phc) {
        return phc.split("\\$")[4];
    }
}
