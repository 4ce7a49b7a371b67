package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.StoreFullException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/**
 * What the contracts share: the clock they give the store, the check of ids at and beyond the
 * limits, the race of readers against a writer, and the checks of a full store that the
 * {@code Bounded...Contract} classes make.
 */
abstract class StoreContract {
    /** Where every test's clock starts: a whole second, so that no store loses precision. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** How many threads race in the atomicity tests. */
    static final int RACERS = 32;
    /**
     * How many races the atomicity tests that race on one entry run, each on an entry of its
     * own: a store that loses a race only now and then (a database's timing) loses one of them.
     */
    static final int RACE_ROUNDS = 5;
    /** The most reads each reader makes while a writer replaces what it reads. */
    private static final int MAX_READS = 10_000;
    /** The bound given for the tests that are not about the bound: room for all they store. */
    static final int ROOMY = 1_000;
    /** The bound of the tests that fill a store one entry at a time. */
    static final int SMALL_BOUND = 2;
    /** The bound of the tests that race {@link #RACERS} new entries into a store. */
    static final int RACE_BOUND = 8;

    private final MutableClock clock = new MutableClock(START);

    StoreContract() {
    }

    /**
     * Returns the clock the kit gives the store under test; each test has a new one, showing
     * 2026-01-01T00:00:00Z until the test moves it.
     *
     * @return the clock of the running test
     */
    protected final MutableClock clock() {
        return clock;
    }

    /**
     * Checks what the store does with {@link Ids#hardIds()}, ids at and beyond the limits of
     * what every store must keep exactly (255 chars of well-formed Unicode without U+0000),
     * each next to the ids a store that changed it would confuse it with. Writes an entry under
     * each id; then, for each id the store refused, reads under it, which must find nothing or be
     * refused too; then checks that each id the store took kept its own entry. A store may
     * refuse only an id beyond the limits, and only with an {@link IllegalArgumentException}
     * whose message does not quote the id.
     *
     * @param write writes an entry of the id's own, and checks what the write answers
     * @param assertKept checks that the entry written under the id is there as written
     * @param assertNothingKept reads (or clears) under an id whose write was refused, and checks
     *     that it finds nothing; it may be refused too
     */
    final void assertKeepsHardIdsExactlyOrRefusesThem(Consumer<String> write, Consumer<String> assertKept,
            Consumer<String> assertNothingKept) {
        List<String> kept = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String id : Ids.hardIds()) {
            (refusedQuietly(() -> write.accept(id), id) ? refused : kept).add(id);
        }
        for (String id : refused) {
            refusedQuietly(() -> assertNothingKept.accept(id), id);
        }
        kept.forEach(assertKept);
    }

    /**
     * Runs {@code action} on {@code id} and answers whether the store refused the id: an
     * {@link IllegalArgumentException} is allowed only for an id beyond the limits, and must
     * not quote the id.
     */
    private static boolean refusedQuietly(Runnable action, String id) {
        try {
            action.run();
            return false;
        } catch (IllegalArgumentException refusal) {
            assertTrue(Ids.mayBeRefused(id), () -> "refused " + Ids.show(id) + ", which every store must keep: "
                    + refusal);
            String message = String.valueOf(refusal.getMessage());
            assertFalse(message.contains(id), () -> "the refusal quotes the id " + Ids.show(id) + ": " + message);
            return true;
        }
    }

    /**
     * Races one writer against 31 readers: the writer runs {@code write} once, while each reader
     * reads again and again until the writer is done (at most 10,000 times). Fails if any read
     * saw what {@code read} calls wrong: part of a write, a mix of two, or nothing at all.
     *
     * @param write replaces what the readers read, many times over
     * @param read reads once; answers null if what it read is one whole state, else says what it
     *     saw
     */
    final void assertReadersSeeOnlyWholeStates(Runnable write, Supplier<String> read) {
        AtomicInteger roles = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> wrong = Race.run(RACERS, () -> {
            if (roles.getAndIncrement() == 0) {
                try {
                    write.run();
                } finally {
                    writing.set(false);
                }
                return null;
            }
            for (int reads = 0; reads < MAX_READS && writing.get(); reads++) {
                String seen = read.get();
                if (seen != null) {
                    return seen;
                }
            }
            return null;
        });
        wrong.forEach(seen -> assertNull(seen, () -> "a reader saw something no write left whole: " + seen));
    }

    /**
     * Runs {@code write}, which needs a new entry in a full store, and checks that the store
     * refused it as its SPI says: with a {@link StoreFullException} whose message does not name
     * {@code accountId}, and whose retry time, if any, is not in the past.
     */
    final StoreFullException assertFull(Executable write, String accountId) {
        StoreFullException full = assertThrows(StoreFullException.class, write, () -> "a store full at its bound"
                + " must refuse a new entry with StoreFullException; the test of a store without a bound extends the"
                + " contract without \"Bounded\" in its name");
        String message = String.valueOf(full.getMessage());
        assertFalse(message.contains(accountId), () -> "the message names the account: " + message);
        full.retryAfter().ifPresent(retryAfter -> assertFalse(retryAfter.isBefore(clock.instant()),
                () -> "room expected in the past, at " + retryAfter + ", before the clock's " + clock.instant()));
        return full;
    }

    /**
     * Races {@link #RACERS} writes of a new entry each into a store with room for
     * {@link #RACE_BOUND} entries, and checks that exactly that many got in: a store that counts
     * its room apart from the write lets too many in, or refuses with room to spare.
     *
     * @param write writes the racer's own new entry; answers normally if it got in and throws
     *     {@link StoreFullException} if the store was full
     * @return the numbers of the racers that got in
     */
    final List<Integer> assertRaceFillsExactlyTheBound(RacerWrite write) {
        AtomicInteger next = new AtomicInteger();
        List<Integer> admitted = Race.run(RACERS, () -> {
            int racer = next.getAndIncrement();
            try {
                write.write(racer);
                return racer;
            } catch (StoreFullException full) {
                return null;
            }
        });
        List<Integer> in = admitted.stream().filter(racer -> racer != null).toList();
        assertEquals(RACE_BOUND, in.size(), () -> in.size() + " of " + RACERS + " new entries raced into a store"
                + " with room for " + RACE_BOUND + ", and " + Collections.frequency(admitted, null) + " were refused");
        return in;
    }

    /** One racer's write of its own new entry. */
    @FunctionalInterface
    interface RacerWrite {
        /**
         * Writes the entry of racer {@code racer}.
         *
         * @param racer the racer's number, 0 to 31
         */
        void write(int racer);
    }
}
