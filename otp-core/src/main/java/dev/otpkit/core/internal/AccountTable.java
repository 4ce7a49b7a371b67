package dev.otpkit.core.internal;

import dev.otpkit.core.StoreFullException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A bounded table of per-account state for the in-memory stores. Each entry is changed only
 * while its own monitor is held, so a read-check-write on one account is atomic while other
 * accounts proceed in parallel.
 *
 * <p>The table never holds more than its maximum number of accounts. When it is full, entries
 * that can no longer matter ({@link Entry#forgetAtMillis()} has passed) are swept out; entries
 * that still matter are never evicted, because forgetting them would weaken protection (an
 * evicted lock would unlock an account). A full table therefore refuses new accounts with a
 * {@link StoreFullException} until an entry becomes forgettable, and says when that will be.
 *
 * <p>An account is named by a key: its id, or any value whose {@code equals} and
 * {@code hashCode} compare by value, such as a pair of ids. Keys are compared as they are, so
 * distinct keys never share an entry.
 *
 * @param <E> the entry type
 */
public final class AccountTable<E extends AccountTable.Entry> {

    /** Per-account state; subclasses add their fields, read and written under this monitor. */
    public abstract static class Entry {
        /** Set under the monitor when the entry leaves the table; a holder must look it up again. */
        boolean removed;

        /**
         * Tells from when this entry can no longer matter and may be dropped. Called with the
         * entry's monitor held.
         *
         * @return epoch milliseconds; {@link Long#MIN_VALUE} to drop it now,
         *     {@link Long#MAX_VALUE} never to drop it
         */
        protected abstract long forgetAtMillis();
    }

    private final ConcurrentHashMap<Object, E> entries = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final ReentrantLock sweepLock = new ReentrantLock();
    private final String store;
    private final int maxEntries;
    private final Supplier<E> newEntry;
    /** Earliest time at which a sweep of a full table can free anything. */
    private volatile long nextSweepMillis = Long.MIN_VALUE;

    /**
     * Makes an empty table.
     *
     * @param store the store the table serves, as {@link StoreFullException} names it
     * @param maxEntries the most accounts held at once, at least 1
     * @param newEntry makes the state of an account seen for the first time
     * @throws IllegalArgumentException if {@code maxEntries} is below 1
     */
    public AccountTable(String store, int maxEntries, Supplier<E> newEntry) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxEntries = Bounds.requireMaxEntries(maxEntries);
        this.newEntry = Objects.requireNonNull(newEntry, "newEntry");
    }

    /**
     * A change to one entry, made with the entry's monitor held. It receives two numbers so
     * that callers can pass their arguments without a capturing lambda: no allocation per call.
     *
     * @param <E> the entry type
     * @param <R> the answer type
     */
    @FunctionalInterface
    public interface Action<E, R> {
        /**
         * Reads and changes the entry; must not touch the table.
         *
         * @param entry the account's entry
         * @param first the caller's first argument
         * @param second the caller's second argument
         * @return the answer, not null
         */
        R apply(E entry, long first, long second);
    }

    /**
     * Runs {@code action} on the account's entry with its monitor held, creating the entry if
     * the account has none or only a forgettable one. Afterwards the entry is dropped if it no
     * longer matters.
     *
     * @param accountKey the account's key
     * @param nowMillis the current time, epoch milliseconds
     * @param action the change
     * @param first passed to {@code action}
     * @param second passed to {@code action}
     * @param <R> the answer type
     * @return what {@code action} returned
     * @throws StoreFullException if the account has no entry and the table is full of entries
     *     that still matter; nothing is changed then
     */
    public <R> R update(Object accountKey, long nowMillis, Action<? super E, R> action, long first, long second) {
        while (true) {
            E entry = entries.get(accountKey);
            boolean fresh = false;
            if (entry == null) {
                if (!reserveSlot(nowMillis)) {
                    throw full(nowMillis);
                }
                E created = newEntry.get();
                entry = entries.putIfAbsent(accountKey, created);
                if (entry == null) {
                    entry = created;
                    fresh = true;
                } else {
                    size.decrementAndGet();
                }
            }
            synchronized (entry) {
                // A fresh entry is forgettable until the action fills it; an old one that no
                // longer matters is dropped so the action starts from a clean state.
                if (entry.removed || !fresh && removeIfForgettable(accountKey, entry, nowMillis)) {
                    continue;
                }
                R result = action.apply(entry, first, second);
                removeIfForgettable(accountKey, entry, nowMillis);
                return result;
            }
        }
    }

    /**
     * Runs {@code action} on the account's entry with its monitor held, if the account has one
     * that still matters, and changes nothing in the table.
     *
     * @param accountKey the account's key
     * @param nowMillis the current time, epoch milliseconds
     * @param action reads the entry; must neither change it nor touch the table
     * @param first passed to {@code action}
     * @param second passed to {@code action}
     * @param absent the answer when the account has no entry that still matters
     * @param <R> the answer type
     * @return what {@code action} returned, or {@code absent}
     */
    public <R> R read(Object accountKey, long nowMillis, Action<? super E, R> action, long first, long second,
            R absent) {
        E entry = entries.get(accountKey);
        if (entry == null) {
            return absent;
        }
        synchronized (entry) {
            return entry.removed || nowMillis >= entry.forgetAtMillis() ? absent : action.apply(entry, first, second);
        }
    }

    /**
     * Runs {@code action} on the account's entry with its monitor held, if the account has one
     * that still matters, then drops the entry if it no longer matters. Never adds an entry.
     *
     * @param accountKey the account's key
     * @param nowMillis the current time, epoch milliseconds
     * @param action reads and changes the entry; must not touch this table
     * @param first passed to {@code action}
     * @param second passed to {@code action}
     * @param absent the answer when the account has no entry that still matters
     * @param <R> the answer type
     * @return what {@code action} returned, or {@code absent}
     */
    public <R> R updateIfPresent(Object accountKey, long nowMillis, Action<? super E, R> action, long first,
            long second, R absent) {
        E entry = entries.get(accountKey);
        if (entry == null) {
            return absent;
        }
        synchronized (entry) {
            if (entry.removed || removeIfForgettable(accountKey, entry, nowMillis)) {
                return absent;
            }
            R result = action.apply(entry, first, second);
            removeIfForgettable(accountKey, entry, nowMillis);
            return result;
        }
    }

    /**
     * Returns how many accounts the table holds.
     *
     * @return the count, at most the maximum
     */
    public int size() {
        return size.get();
    }

    /**
     * Returns the table's bound.
     *
     * @return the most accounts held at once
     */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Converts an instant to epoch milliseconds, saturating at the ends of {@code long}, so that
     * {@link Instant#MAX} reads as "never".
     *
     * @param instant the instant
     * @return epoch milliseconds, from {@link Long#MIN_VALUE} to {@link Long#MAX_VALUE}
     */
    public static long toEpochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException beyondMillis) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * The refusal of a new account: room is expected when the first of the entries held at the
     * last sweep becomes forgettable. An estimate, as an entry can be kept longer meanwhile, and
     * never before {@code nowMillis}: if another thread is sweeping, room may come at once.
     */
    private StoreFullException full(long nowMillis) {
        long roomExpectedAt = Math.max(nextSweepMillis, nowMillis);
        return roomExpectedAt == Long.MAX_VALUE ? new StoreFullException(store, maxEntries)
                : new StoreFullException(store, maxEntries, Instant.ofEpochMilli(roomExpectedAt));
    }

    private boolean reserveSlot(long nowMillis) {
        if (incrementBelowMax()) {
            return true;
        }
        if (nowMillis >= nextSweepMillis && sweepLock.tryLock()) {
            try {
                sweep(nowMillis);
            } finally {
                sweepLock.unlock();
            }
            return incrementBelowMax();
        }
        return false;
    }

    /** Takes a slot if one is free; never counts past the maximum, even for a moment. */
    private boolean incrementBelowMax() {
        int current;
        do {
            current = size.get();
            if (current >= maxEntries) {
                return false;
            }
        } while (!size.compareAndSet(current, current + 1));
        return true;
    }

    /** Drops every forgettable entry and notes when the next one will become forgettable. */
    private void sweep(long nowMillis) {
        long earliest = Long.MAX_VALUE;
        for (Iterator<Map.Entry<Object, E>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Object, E> mapping = it.next();
            E entry = mapping.getValue();
            synchronized (entry) {
                if (!removeIfForgettable(mapping.getKey(), entry, nowMillis)) {
                    earliest = Math.min(earliest, entry.forgetAtMillis());
                }
            }
        }
        nextSweepMillis = earliest;
    }

    /** Called with the entry's monitor held. */
    private boolean removeIfForgettable(Object accountKey, E entry, long nowMillis) {
        if (entry.removed || nowMillis < entry.forgetAtMillis()) {
            return false;
        }
        entry.removed = true;
        entries.remove(accountKey, entry);
        size.decrementAndGet();
        return true;
    }
}
