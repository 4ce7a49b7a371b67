package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import dev.otpkit.core.StoreFullException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link OneTimeCodeStore} with a bound, such as otpkit's in-memory store:
 * every test of {@link OneTimeCodeStoreContract}, and those of the bound. Extend this class
 * instead of {@link OneTimeCodeStoreContract} and make {@link #newStore(Clock, int)} return
 * your store holding at most the given number of codes.
 *
 * <pre>{@code
 * class MyCacheOneTimeCodeStoreTest extends BoundedOneTimeCodeStoreContract {
 *     @Override
 *     protected OneTimeCodeStore newStore(Clock clock, int maxEntries) {
 *         return new MyCacheOneTimeCodeStore(clock, maxEntries);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered besides: {@link StoreFullException} when full of live codes, storing nothing for
 * the refused code and evicting none; held pairs' codes still replaced; room made by codes that
 * expired or were removed; claims and removes needing no room; exactly the bound of 32
 * concurrent new pairs admitted.
 */
public abstract class BoundedOneTimeCodeStoreContract extends OneTimeCodeStoreContract {
    /** For subclasses. */
    protected BoundedOneTimeCodeStoreContract() {
    }

    /**
     * Makes the store under test. Called once by each test, which owns the store; it must hold
     * no code yet.
     *
     * @param clock the time the store may read to tell whether a code has expired; the tests
     *     move it
     * @param maxEntries the most codes (pairs of account and scope) the store may hold at once, 1
     *     or more: 1,000 for the tests that are not about the bound, 2 or 8 for those that are
     * @return a new, empty store
     */
    protected abstract OneTimeCodeStore newStore(Clock clock, int maxEntries);

    /**
     * Makes the store for the tests that are not about the bound:
     * {@link #newStore(Clock, int)} with room for 1,000 codes.
     *
     * @param clock the time the store may read
     * @return a new, empty store
     */
    @Override
    protected final OneTimeCodeStore newStore(Clock clock) {
        return newStore(clock, ROOMY);
    }

    /** A store full of two live codes, Alice's and Bob's. */
    private OneTimeCodeStore fullStore(PendingCode alices, PendingCode bobs) {
        OneTimeCodeStore store = newStore(clock(), SMALL_BOUND);
        store.put(alices);
        store.put(bobs);
        return store;
    }

    /**
     * A full store refuses a code for a new pair with {@link StoreFullException}, stores nothing
     * for it, and evicts none of its live codes.
     */
    @Test
    public void refusesANewPairWhenFullOfLiveCodesAndKeepsThem() {
        PendingCode alices = code("alice", LOGIN);
        PendingCode bobs = code("bob", LOGIN);
        OneTimeCodeStore store = fullStore(alices, bobs);
        assertFull(() -> store.put(code("carol-refused", LOGIN)), "carol-refused");
        assertEquals(Optional.empty(), store.claimAttempt("carol-refused", LOGIN), "nothing stored");
        assertClaimed(alices, 1, store.claimAttempt("alice", LOGIN));
        assertClaimed(bobs, 1, store.claimAttempt("bob", LOGIN));
    }

    /** A full store still replaces the code of a pair it holds: that needs no new entry. */
    @Test
    public void replacesAHeldPairsCodeWhenFull() {
        OneTimeCodeStore store = fullStore(code("alice", LOGIN), code("bob", LOGIN));
        PendingCode newer = code("alice", LOGIN);
        store.put(newer);
        assertClaimed(newer, 1, store.claimAttempt("alice", LOGIN));
    }

    /** An expired code takes no room: a full store takes a new pair once a code has expired. */
    @Test
    public void makesRoomOnceACodeExpires() {
        PendingCode alices = code("alice", LOGIN);
        clock().advance(Duration.ofSeconds(1));
        PendingCode bobs = code("bob", LOGIN);
        OneTimeCodeStore store = fullStore(alices, bobs);
        clock().set(alices.expiresAt());
        assertTakesANewPair(store);
        assertClaimed(bobs, 1, store.claimAttempt("bob", LOGIN));
    }

    /** A removed code takes no room: a full store takes a new pair once one is removed. */
    @Test
    public void makesRoomWhenACodeIsRemoved() {
        PendingCode alices = code("alice", LOGIN);
        OneTimeCodeStore store = fullStore(alices, code("bob", LOGIN));
        assertTrue(store.remove("alice", LOGIN, alices.issueId()));
        assertTakesANewPair(store);
    }

    private void assertTakesANewPair(OneTimeCodeStore store) {
        PendingCode carols = code("carol", LOGIN);
        store.put(carols);
        assertClaimed(carols, 1, store.claimAttempt("carol", LOGIN));
    }

    /** Claims and removes add nothing: a full store answers them for a pair it does not hold. */
    @Test
    public void claimAndRemoveNeedNoRoom() {
        OneTimeCodeStore store = fullStore(code("alice", LOGIN), code("bob", LOGIN));
        assertEquals(Optional.empty(), store.claimAttempt("carol", LOGIN));
        assertFalse(store.remove("carol", LOGIN, "issue-1"));
    }

    /**
     * Of 32 threads each putting a code for a new pair into a store with room for 8, exactly 8
     * are stored and the others refused with {@link StoreFullException}.
     */
    @Test
    public void admitsExactlyTheBoundOfConcurrentNewPairs() {
        OneTimeCodeStore store = newStore(clock(), RACE_BOUND);
        List<PendingCode> codes = IntStream.range(0, RACERS).mapToObj(i -> code("racer-" + i, LOGIN)).toList();
        List<Integer> admitted = assertRaceFillsExactlyTheBound(racer -> store.put(codes.get(racer)));
        for (int racer : admitted) {
            assertClaimed(codes.get(racer), 1, store.claimAttempt("racer-" + racer, LOGIN));
        }
    }
}
