package dev.otpkit.backup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.backup.internal.Argon2idFunction;
import dev.otpkit.backup.internal.Argon2idHash;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.Verification.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Timing must not tell whether an account has backup codes, how many, at which cost they were
 * hashed or whether its stored hashes are readable. Rather than time anything, these tests log
 * the work a verification does, every PHC string read and every Argon2id evaluation with its
 * parameters, and require the same log for every kind of account. An attempt refused before its
 * code is checked (locked, or a full limiter or store) must do none of that work for any account.
 */
class VerificationWorkTest {
    private static final Argon2idCost CURRENT = BackupCodesTest.TEST_COST;
    private static final Argon2idCost OLD = Argon2idCost.forTesting(32, 1, 1);
    private static final String WRONG_CODE = "00000-00000";
    /** Accounts holding every kind of content a store can hold for one, readable or not. */
    private static final List<String> EVERY_KIND_OF_ACCOUNT = List.of("no codes", "one code", "ten codes",
            "all used", "old-cost set", "malformed hash", "mixed sets", "too many");

    private final List<String> work = new ArrayList<>();
    private final FailingStore store = new FailingStore();
    /** The right code of the account "one code". */
    private String oneCode;

    private BackupCodes.Builder logging(Argon2idCost cost) {
        return BackupCodes.builder().cost(cost).store(store)
                .attemptLimiter(AttemptLimiter.inMemoryBuilder().failuresBeforeLock(100).build())
                .argon2((password, salt, m, t, p, length) -> {
                    work.add("argon2id m=" + m + ",t=" + t + ",p=" + p + ", " + salt.length + "-byte salt, "
                            + length + "-byte output");
                    return Argon2idFunction.BOUNCY_CASTLE.hash(password, salt, m, t, p, length);
                })
                .parser(phc -> {
                    work.add("parse");
                    return Argon2idHash.parse(phc);
                });
    }

    @BeforeEach
    void storeEveryKindOfAccount() {
        oneCode = logging(CURRENT).count(1).build().generate("one code").codes().get(0);
        logging(CURRENT).count(10).build().generate("ten codes");
        BackupCodes usedUp = logging(CURRENT).count(2).build();
        usedUp.generate("all used").codes().forEach(code -> usedUp.verify("all used", code));
        logging(OLD).build().generate("old-cost set");
        List<String> valid = logging(CURRENT).count(3).build().generate().hashes();
        store.replace("malformed hash", List.of(valid.get(0), "$argon2id$v=19$m=64,t=1,p=1$bm90IGEgc2FsdA$", valid.get(2)));
        store.replace("mixed sets", List.of(valid.get(0), logging(CURRENT).count(1).build().generate().hashes().get(0)));
        store.replace("too many", Collections.nCopies(BackupCodes.MAX_COUNT + 1, valid.get(0)));
    }

    @Test
    void everyAccountCostsTheSameParsesAndArgon2EvaluationsAtTheSameCosts() {
        BackupCodes backup = logging(CURRENT).previousCosts(OLD).build();

        Map<String, List<String>> workByAccount = new LinkedHashMap<>();
        for (String account : EVERY_KIND_OF_ACCOUNT) {
            workByAccount.put(account + ", wrong code", workOfOneAttempt(backup, account, WRONG_CODE));
        }
        workByAccount.put("one code, right code", workOfOneAttempt(backup, "one code", oneCode));

        List<String> noCodes = workByAccount.get("no codes, wrong code");
        assertAll(workByAccount.entrySet().stream()
                .map(entry -> (Executable) () -> assertEquals(noCodes, entry.getValue(), entry.getKey())));
        assertEquals(List.of(BackupCodes.MAX_COUNT + " x parse",
                "1 x argon2id m=64,t=1,p=1, 16-byte salt, 32-byte output",
                "1 x argon2id m=32,t=1,p=1, 16-byte salt, 32-byte output"), noCodes);
    }

    @Test
    void anAttemptRefusedBeforeItsCodeIsCheckedDoesNoWorkWhateverTheAccountStores() {
        Instant later = Instant.parse("2026-11-22T12:15:00Z");
        BackupCodes locked = logging(CURRENT).previousCosts(OLD)
                .attemptLimiter(new RefusingLimiter(() -> AttemptLimiter.Attempt.refuse(later))).build();
        BackupCodes limiterFull = logging(CURRENT).previousCosts(OLD)
                .attemptLimiter(new RefusingLimiter(() -> {
                    throw new StoreFullException("a test limiter", 1);
                })).build();

        for (String account : EVERY_KIND_OF_ACCOUNT) {
            assertEquals(List.of(), workOfOneAttempt(locked, account, WRONG_CODE), account + ", locked");
            assertEquals(Status.LOCKED, locked.verify(account, WRONG_CODE).status(), account);
            assertEquals(List.of(), workOfOneAttempt(limiterFull, account, WRONG_CODE), account + ", limiter full");
            assertEquals(Status.UNAVAILABLE, limiterFull.verify(account, WRONG_CODE).status(), account);
        }
        BackupCodes backup = logging(CURRENT).previousCosts(OLD).build();
        store.fail(FailingStore.Operation.READ, new StoreFullException("a test store", 1, later));
        for (String account : EVERY_KIND_OF_ACCOUNT) {
            assertEquals(List.of(), workOfOneAttempt(backup, account, WRONG_CODE), account + ", store full");
            assertEquals(Status.UNAVAILABLE, backup.verify(account, WRONG_CODE).status(), account);
        }
    }

    @Test
    void aRightCodeTheStoreHasNoRoomToUseUpCostsWhatAWrongCodeCosts() {
        BackupCodes backup = logging(CURRENT).previousCosts(OLD).build();
        List<String> noCodes = workOfOneAttempt(backup, "no codes", WRONG_CODE);
        store.fail(FailingStore.Operation.REMOVE, new StoreFullException("a test store", 1));

        List<String> refused = workOfOneAttempt(backup, "one code", oneCode);

        assertEquals(noCodes, refused);
        assertEquals(Status.UNAVAILABLE, backup.verify("one code", oneCode).status());
    }

    @Test
    void anAccountWithoutCodesCostsOneEvaluationAtTheCurrentCostWhenNoPreviousCostIsGiven() {
        BackupCodes backup = logging(CURRENT).build();

        assertEquals(List.of(BackupCodes.MAX_COUNT + " x parse", "1 x argon2id m=64,t=1,p=1, 16-byte salt, 32-byte output"),
                workOfOneAttempt(backup, "no codes", WRONG_CODE));
    }

    @Test
    void repeatingAPreviousCostOrTheCurrentOneAddsNoEvaluation() {
        BackupCodes once = logging(CURRENT).previousCosts(OLD).build();
        BackupCodes repeated = logging(CURRENT).previousCosts(OLD, CURRENT, OLD).build();

        assertEquals(workOfOneAttempt(once, "no codes", WRONG_CODE), workOfOneAttempt(repeated, "no codes", WRONG_CODE));
    }

    @Test
    void aSetAtACostItWasNotGivenFailsLoudlyAfterTheSameWork() {
        logging(OLD).build().generate("alice");
        BackupCodes backup = logging(CURRENT).build();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> backup.verify("alice", WRONG_CODE));

        assertEquals("stored backup codes are hashed at m=32,t=1,p=1, which is neither the cost of this"
                + " BackupCodes nor one of its previous costs: list it with Builder.previousCosts", thrown.getMessage());
        assertEquals(workOfOneAttempt(backup, "no codes", WRONG_CODE), workOfOneAttempt(backup, "alice", WRONG_CODE));
    }

    /** A limiter whose every attempt gets the same answer: locked, or thrown. */
    private static final class RefusingLimiter implements AttemptLimiter {
        private final Supplier<Attempt> answer;

        RefusingLimiter(Supplier<Attempt> answer) {
            this.answer = answer;
        }

        @Override
        public Attempt beginAttempt(String accountId) {
            return answer.get();
        }

        @Override
        public void recordSuccess(String accountId) {
            throw new AssertionError("no attempt proceeds, so none succeeds");
        }
    }

    /**
     * Verifies once and returns the work it did, each run of one operation as {@code "N x operation"}; an
     * account whose hashes are unusable throws after its work.
     */
    private List<String> workOfOneAttempt(BackupCodes backup, String account, String code) {
        work.clear();
        try {
            backup.verify(account, code);
        } catch (IllegalStateException unusableHashes) {
            // The stored hashes are not one set made by BackupCodes: still, the work is what counts here.
        }
        List<String> runs = new ArrayList<>();
        for (int start = 0, end; start < work.size(); start = end) {
            end = start;
            while (end < work.size() && work.get(end).equals(work.get(start))) {
                end++;
            }
            runs.add(end - start + " x " + work.get(start));
        }
        return runs;
    }
}
