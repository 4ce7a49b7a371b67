package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OneTimeCodeStore}, as its javadoc states it: extend this class in your
 * tests and make {@link #newStore(Clock)} return your store, and every test below runs
 * against it. Each test name says the behaviour it checks.
 *
 * <pre>{@code
 * class JdbcOneTimeCodeStoreTest extends OneTimeCodeStoreContract {
 *     @Override
 *     protected OneTimeCodeStore newStore(Clock clock) {
 *         truncateTables();                       // each test starts from an empty store
 *         return new MyJdbcOneTimeCodeStore(dataSource, clock);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: every field of a {@link PendingCode} read back as it was put, with each attempt
 * counted once; a new code replacing the pending one and its attempts; compare-and-delete by
 * issue id; a code kept until it expires; pairs of account and scope kept apart, whatever
 * characters they hold; null arguments refused; among 32 threads, distinct attempt counts,
 * exactly one successful remove, exactly one code left by concurrent puts, and claims that
 * always find a code while it is replaced. A store with a bound extends
 * {@link BoundedOneTimeCodeStoreContract} instead, which adds the tests of the bound.
 */
public abstract class OneTimeCodeStoreContract extends StoreContract {
    static final String LOGIN = "login";
    /** How long the tests' codes live, as {@code OneTimeCodes} does by default. */
    private static final Duration TTL = Duration.ofMinutes(10);

    /** Numbers the codes a test issues, so each has an issue id and a hash of its own. */
    private final AtomicInteger issues = new AtomicInteger();

    /** For subclasses. */
    protected OneTimeCodeStoreContract() {
    }

    /**
     * Makes the store under test. Called once by each test, which owns the store; it must hold
     * no code yet (for a database store: empty its table here).
     *
     * @param clock the time the store may read to tell whether a code has expired; the tests
     *     move it
     * @return a new, empty store
     */
    protected abstract OneTimeCodeStore newStore(Clock clock);

    private OneTimeCodeStore store() {
        return newStore(clock());
    }

    /**
     * A new code pending for the account and scope, issued now with no attempt; its issue id
     * and its 32-byte hash differ from every other code of the test. Each hash starts with a
     * zero byte and ends with 0xff, which a store that keeps bytes as text or as a C string
     * would lose.
     */
    PendingCode code(String accountId, String scope) {
        int issue = issues.incrementAndGet();
        byte[] hash = new byte[32];
        for (int i = 1; i < hash.length - 1; i++) {
            hash[i] = (byte) (issue * 31 + i);
        }
        hash[hash.length - 1] = (byte) 0xff;
        return new PendingCode(accountId, scope, "issue-" + issue, hash, clock().instant(), clock().instant().plus(TTL), 0);
    }

    /** Checks that {@code claimed} is {@code put} read back, with {@code attempts} attempts. */
    static void assertClaimed(PendingCode put, int attempts, Optional<PendingCode> claimed) {
        assertTrue(claimed.isPresent(), () -> "no code pending for " + Ids.show(put.accountId()) + ", "
                + Ids.show(put.scope()));
        PendingCode code = claimed.get();
        assertEquals(put.issueId(), code.issueId(), "issueId");
        assertEquals(put.accountId(), code.accountId(), "accountId");
        assertEquals(put.scope(), code.scope(), "scope");
        assertArrayEquals(put.hash(), code.hash(), "hash");
        assertEquals(put.issuedAt(), code.issuedAt(), "issuedAt");
        assertEquals(put.expiresAt(), code.expiresAt(), "expiresAt");
        assertEquals(attempts, code.attempts(), "attempts");
    }

    /** A code put is read back with every field as it was, and the attempt just counted. */
    @Test
    public void returnsThePutCodeWithTheAttemptCounted() {
        OneTimeCodeStore store = store();
        PendingCode code = code("alice", LOGIN);
        store.put(code);
        assertClaimed(code, 1, store.claimAttempt("alice", LOGIN));
    }

    /** Each claim counts one attempt more. */
    @Test
    public void countsEachAttemptOnce() {
        OneTimeCodeStore store = store();
        PendingCode code = code("alice", LOGIN);
        store.put(code);
        for (int attempts = 1; attempts <= 3; attempts++) {
            assertClaimed(code, attempts, store.claimAttempt("alice", LOGIN));
        }
    }

    /** With no code pending for the account and scope, a claim answers empty. */
    @Test
    public void answersEmptyWhenNoCodeIsPending() {
        OneTimeCodeStore store = store();
        assertEquals(Optional.empty(), store.claimAttempt("alice", LOGIN), "an empty store");
        store.put(code("alice", LOGIN));
        assertEquals(Optional.empty(), store.claimAttempt("alice", "transfer"), "another scope");
        assertEquals(Optional.empty(), store.claimAttempt("bob", LOGIN), "another account");
    }

    /** Each pair of account and scope has its own code, attempts and removal. */
    @Test
    public void keepsAccountsAndScopesApart() {
        OneTimeCodeStore store = store();
        List<PendingCode> codes = List.of(code("alice", LOGIN), code("alice", "transfer"), code("bob", LOGIN));
        codes.forEach(store::put);
        assertTrue(store.remove("alice", LOGIN, codes.get(0).issueId()));
        assertClaimed(codes.get(1), 1, store.claimAttempt("alice", "transfer"));
        assertClaimed(codes.get(2), 1, store.claimAttempt("bob", LOGIN));
    }

    /**
     * Account ids and scopes are compared as they are: empty, blanks,
     * separators, case, accents, trailing spaces, characters outside the Basic Multilingual Plane
     * and SQL wildcards each name an account or scope of their own.
     */
    @Test
    public void keepsUnusualIdsAndScopesApart() {
        OneTimeCodeStore store = store();
        List<PendingCode> codes = new ArrayList<>();
        for (String id : Ids.UNUSUAL) {
            codes.add(code(id, LOGIN));
            codes.add(code("bob", id));
        }
        assertEachPutCodeIsReadBack(store, codes);
    }

    /**
     * Ids at and beyond the limits: each id of up to 255 chars of well-formed Unicode without
     * U+0000 (of one, three and four bytes in UTF-8) is kept exactly; a longer one, or one with
     * U+0000 or an unpaired surrogate, is kept exactly too or refused with
     * {@link IllegalArgumentException}, never cut short, changed or taken for another, as an account id, a scope and an issue id.
     */
    @Test
    public void keepsHardIdsExactlyOrRefusesThem() {
        OneTimeCodeStore store = store();
        AtomicInteger accounts = new AtomicInteger();
        List<Function<String, PendingCode>> places = List.of(id -> code(id, LOGIN), id -> code("bob", id),
                id -> withIssueId(code("carol-" + accounts.incrementAndGet(), LOGIN), id));
        for (Function<String, PendingCode> place : places) {
            Map<String, PendingCode> codes = new HashMap<>();
            assertKeepsHardIdsExactlyOrRefusesThem(id -> store.put(codes.computeIfAbsent(id, place)),
                    id -> assertClaimed(codes.get(id), 1, claim(store, codes.get(id))),
                    id -> assertEquals(Optional.empty(), claim(store, codes.get(id)), () -> Ids.show(id) + " was refused"));
        }
    }

    private static PendingCode withIssueId(PendingCode code, String issueId) {
        return new PendingCode(code.accountId(), code.scope(), issueId, code.hash(), code.issuedAt(), code.expiresAt(),
                code.attempts());
    }

    private static Optional<PendingCode> claim(OneTimeCodeStore store, PendingCode code) {
        return store.claimAttempt(code.accountId(), code.scope());
    }

    /**
     * Account and scope are two values, never one joined string: of 169 pairs of ids made of
     * {@code a}, {@code /} and {@code :}, such as ({@code "a/"}, {@code ""}) and ({@code "a"},
     * {@code "/"}), each keeps its own code.
     */
    @Test
    public void neverMixesPairsThatAJoinedKeyWouldConfuse() {
        OneTimeCodeStore store = store();
        List<PendingCode> codes = new ArrayList<>();
        for (String accountId : Ids.joinProbes()) {
            for (String scope : Ids.joinProbes()) {
                codes.add(code(accountId, scope));
            }
        }
        assertEachPutCodeIsReadBack(store, codes);
    }

    private static void assertEachPutCodeIsReadBack(OneTimeCodeStore store, List<PendingCode> codes) {
        codes.forEach(store::put);
        for (PendingCode code : codes) {
            assertClaimed(code, 1, store.claimAttempt(code.accountId(), code.scope()));
        }
    }

    /** A new code replaces the pending one, with the new code's own attempt count. */
    @Test
    public void putReplacesThePendingCodeAndItsAttempts() {
        OneTimeCodeStore store = store();
        store.put(code("alice", LOGIN));
        store.claimAttempt("alice", LOGIN);
        store.claimAttempt("alice", LOGIN);
        PendingCode second = code("alice", LOGIN);
        store.put(second);
        assertClaimed(second, 1, store.claimAttempt("alice", LOGIN));
    }

    /** Once replaced, a code can no longer be removed, and removing it leaves the new one. */
    @Test
    public void aReplacedCodeCanNoLongerBeRemoved() {
        OneTimeCodeStore store = store();
        PendingCode first = code("alice", LOGIN);
        PendingCode second = code("alice", LOGIN);
        store.put(first);
        store.put(second);
        assertFalse(store.remove("alice", LOGIN, first.issueId()), "the replaced code");
        assertClaimed(second, 1, store.claimAttempt("alice", LOGIN));
    }

    /** Removing the pending code answers true once; afterwards no code is pending. */
    @Test
    public void removesThePendingCodeOnlyOnce() {
        OneTimeCodeStore store = store();
        PendingCode code = code("alice", LOGIN);
        store.put(code);
        assertTrue(store.remove("alice", LOGIN, code.issueId()));
        assertEquals(Optional.empty(), store.claimAttempt("alice", LOGIN));
        assertFalse(store.remove("alice", LOGIN, code.issueId()), "removed already");
    }

    /** Removing with another issue id answers false and leaves the pending code in place. */
    @Test
    public void keepsThePendingCodeWhenAskedToRemoveAnotherIssue() {
        OneTimeCodeStore store = store();
        PendingCode code = code("alice", LOGIN);
        store.put(code);
        assertFalse(store.remove("alice", LOGIN, "issue-never-made"));
        assertFalse(store.remove("alice", LOGIN, code.issueId().toUpperCase(Locale.ROOT)), "the issue id in upper case");
        assertFalse(store.remove("bob", LOGIN, code.issueId()), "the right issue id under another account");
        assertClaimed(code, 1, store.claimAttempt("alice", LOGIN));
    }

    /** Removing from an empty store answers false. */
    @Test
    public void answersFalseWhenRemovingFromAnEmptyStore() {
        assertFalse(store().remove("alice", LOGIN, "issue-1"));
    }

    /** A code is pending until it expires: a millisecond before, it is still there. */
    @Test
    public void keepsACodeUntilItExpires() {
        OneTimeCodeStore store = store();
        PendingCode code = code("alice", LOGIN);
        store.put(code);
        clock().set(code.expiresAt().minusMillis(1));
        assertClaimed(code, 1, store.claimAttempt("alice", LOGIN));
    }

    /** {@code put} requires a code. */
    @Test
    public void putRefusesNull() {
        assertThrows(NullPointerException.class, () -> store().put(null));
    }

    /** Both arguments of {@code claimAttempt} are required. */
    @Test
    public void claimAttemptRefusesNullArguments() {
        OneTimeCodeStore store = store();
        assertThrows(NullPointerException.class, () -> store.claimAttempt(null, LOGIN));
        assertThrows(NullPointerException.class, () -> store.claimAttempt("alice", null));
    }

    /** Every argument of {@code remove} is required. */
    @Test
    public void removeRefusesNullArguments() {
        OneTimeCodeStore store = store();
        store.put(code("alice", LOGIN));
        assertThrows(NullPointerException.class, () -> store.remove(null, LOGIN, "issue-1"));
        assertThrows(NullPointerException.class, () -> store.remove("alice", null, "issue-1"));
        assertThrows(NullPointerException.class, () -> store.remove("alice", LOGIN, null));
    }

    /**
     * Of 32 threads removing the same code at once, exactly one gets {@code true}; five races,
     * each on an account of its own.
     */
    @Test
    public void letsExactlyOneOfConcurrentRemovesSucceed() {
        OneTimeCodeStore store = store();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            PendingCode code = code("alice-" + round, LOGIN);
            store.put(code);
            List<Boolean> removed = Race.run(RACERS, () -> store.remove(code.accountId(), LOGIN, code.issueId()));
            assertEquals(1, Collections.frequency(removed, true), "removes that succeeded of " + RACERS);
        }
    }

    /** Of 32 threads claiming attempts at once, no two see the same count: they see 1 to 32. */
    @Test
    public void givesEachConcurrentAttemptACountOfItsOwn() {
        OneTimeCodeStore store = store();
        PendingCode code = code("alice", LOGIN);
        store.put(code);
        List<Integer> counts = new ArrayList<>(Race.run(RACERS,
                () -> store.claimAttempt("alice", LOGIN).map(PendingCode::attempts).orElse(0)));
        Collections.sort(counts);
        assertEquals(IntStream.rangeClosed(1, RACERS).boxed().toList(), counts, "the counts the racers saw");
        assertClaimed(code, RACERS + 1, store.claimAttempt("alice", LOGIN));
    }

    /** Of 32 codes put at once for one account and scope, exactly one is left pending. */
    @Test
    public void leavesExactlyOneOfConcurrentlyPutCodes() {
        OneTimeCodeStore store = store();
        List<PendingCode> codes = IntStream.range(0, RACERS).mapToObj(i -> code("alice", LOGIN)).toList();
        AtomicInteger next = new AtomicInteger();
        Race.run(RACERS, () -> {
            store.put(codes.get(next.getAndIncrement()));
            return null;
        });
        PendingCode left = store.claimAttempt("alice", LOGIN).orElseThrow(() -> new AssertionError("no code left"));
        long removed = codes.stream().filter(code -> store.remove("alice", LOGIN, code.issueId())).count();
        assertEquals(1, removed, "codes still removable after the race");
        assertEquals(Optional.empty(), store.claimAttempt("alice", LOGIN), "the one left was " + left.issueId());
    }

    /**
     * While one thread puts new codes for an account and scope again and again, 31 threads
     * claiming attempts on it always find one of those codes, never none: a replacement leaves
     * no moment without a code. The last code put is the one left.
     */
    @Test
    public void neverShowsNoCodeWhileReplacing() {
        OneTimeCodeStore store = store();
        List<PendingCode> codes = IntStream.range(0, 50).mapToObj(i -> code("alice", LOGIN)).toList();
        Set<String> issueIds = codes.stream().map(PendingCode::issueId).collect(Collectors.toSet());
        store.put(codes.get(0));
        assertReadersSeeOnlyWholeStates(() -> codes.subList(1, codes.size()).forEach(store::put), () -> {
            String seen = store.claimAttempt("alice", LOGIN).map(PendingCode::issueId).orElse("no code");
            return issueIds.contains(seen) ? null : seen;
        });
        assertEquals(codes.get(codes.size() - 1).issueId(),
                store.claimAttempt("alice", LOGIN).map(PendingCode::issueId).orElse("no code"), "the code left");
    }
}
