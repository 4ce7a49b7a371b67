package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.StoreFullException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ReplayGuard} with a bound, such as otpkit's in-memory guard: every
 * test of {@link ReplayGuardContract}, and those of the bound. Extend this class instead of
 * {@link ReplayGuardContract} and make {@link #newGuard(Clock, int)} return your guard holding
 * at most the given number of pairs.
 *
 * <pre>{@code
 * class MyCacheReplayGuardTest extends BoundedReplayGuardContract {
 *     @Override
 *     protected ReplayGuard newGuard(Clock clock, int maxEntries) {
 *         return new MyCacheReplayGuard(clock, maxEntries);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered besides: {@link StoreFullException} when full of steps still kept, nothing
 * forgotten and nothing recorded for the refused step; newer steps of held pairs still
 * accepted; room made by pairs whose {@code keepUntil} has passed; {@code hasAccepted} needing
 * no room; exactly the bound of 32 concurrent new pairs admitted.
 */
public abstract class BoundedReplayGuardContract extends ReplayGuardContract {
    /** For subclasses. */
    protected BoundedReplayGuardContract() {
    }

    /**
     * Makes the guard under test. Called once by each test, which owns the guard; it must
     * remember nothing yet.
     *
     * @param clock the time the guard must read to tell whether a step's {@code keepUntil} has
     *     passed; the tests move it
     * @param maxEntries the most pairs of account and authenticator the guard may hold at once,
     *     1 or more: 1,000 for the tests that are not about the bound, 2 or 8 for those that are
     * @return a new, empty guard
     */
    protected abstract ReplayGuard newGuard(Clock clock, int maxEntries);

    /**
     * Makes the guard for the tests that are not about the bound: {@link #newGuard(Clock, int)}
     * with room for 1,000 pairs.
     *
     * @param clock the time the guard must read
     * @return a new, empty guard
     */
    @Override
    protected final ReplayGuard newGuard(Clock clock) {
        return newGuard(clock, ROOMY);
    }

    /** A guard with room for two pairs, holding Alice's step and, kept 30 seconds longer, Bob's. */
    private ReplayGuard fullGuard() {
        ReplayGuard guard = newGuard(clock(), SMALL_BOUND);
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
        assertTrue(guard.tryAccept("bob", ACCOUNT, 100, keepUntil().plusSeconds(30)));
        return guard;
    }

    /**
     * A full guard refuses a step of a new pair with {@link StoreFullException}, without
     * forgetting any step it holds.
     */
    @Test
    public void refusesANewPairWhenFullOfStepsStillKept() {
        ReplayGuard guard = fullGuard();
        assertFull(() -> guard.tryAccept("carol-refused", ACCOUNT, 100, keepUntil()), "carol-refused");
        assertFalse(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()), "alice's step is still remembered");
        assertFalse(guard.tryAccept("bob", ACCOUNT, 100, keepUntil()), "bob's step is still remembered");
    }

    /** A full guard still accepts newer steps of the pairs it holds: they need no new entry. */
    @Test
    public void acceptsNewerStepsOfHeldPairsWhenFull() {
        ReplayGuard guard = fullGuard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 101, keepUntil()));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 101, keepUntil()));
    }

    /** A step refused for lack of room is not recorded: once there is room, it is accepted. */
    @Test
    public void recordsNothingForAStepRefusedWhenFull() {
        ReplayGuard guard = fullGuard();
        Instant alicesKeepUntil = keepUntil();
        assertFull(() -> guard.tryAccept("carol", ACCOUNT, 100, keepUntil()), "carol");
        clock().set(alicesKeepUntil);
        assertTrue(guard.tryAccept("carol", ACCOUNT, 100, keepUntil()));
    }

    /**
     * A pair whose {@code keepUntil} has passed takes no room: a full guard accepts a new pair
     * then, and still remembers the pairs whose steps are kept.
     */
    @Test
    public void makesRoomOnceAPairsKeepUntilHasPassed() {
        ReplayGuard guard = fullGuard();
        clock().set(keepUntil());
        assertTrue(guard.tryAccept("dave", ACCOUNT, 100, keepUntil()), "alice's keepUntil has passed");
        assertFalse(guard.tryAccept("bob", ACCOUNT, 100, keepUntil()), "bob's step is still kept");
    }

    /** {@code hasAccepted} reads: a full guard answers it for a pair it does not hold. */
    @Test
    public void hasAcceptedNeedsNoRoom() {
        ReplayGuard guard = fullGuard();
        assertFalse(guard.hasAccepted("carol", ACCOUNT, 100));
    }

    /**
     * Of 32 threads each bringing a new pair to a guard with room for 8, exactly 8 are accepted
     * and the others refused with {@link StoreFullException}.
     */
    @Test
    public void admitsExactlyTheBoundOfConcurrentNewPairs() {
        ReplayGuard guard = newGuard(clock(), RACE_BOUND);
        Instant keepUntil = keepUntil();
        List<Integer> admitted = assertRaceFillsExactlyTheBound(
                racer -> assertTrue(guard.tryAccept("racer-" + racer, ACCOUNT, 1, keepUntil), "a new pair's step"));
        for (int racer : admitted) {
            assertFalse(guard.tryAccept("racer-" + racer, ACCOUNT, 1, keepUntil), "racer " + racer + "'s step");
        }
    }
}
