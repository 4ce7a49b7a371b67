package dev.otpkit.core.internal;

import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-memory {@link OneTimeCodeStore}. One lock guards a map kept in the order codes
 * were issued: codes are few and short-lived, so simplicity beats finer-grained locking, and
 * the lock makes every method trivially atomic.
 */
public final class InMemoryOneTimeCodeStore implements OneTimeCodeStore {
    private final int capacity;
    private final LinkedHashMap<Key, PendingCode> codes = new LinkedHashMap<>();

    /**
     * Makes an empty store.
     *
     * @param capacity the most pending codes kept, 1 or more
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    public InMemoryOneTimeCodeStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void put(PendingCode code) {
        Key key = new Key(code.accountId(), code.scope());
        // Removed first so that the new code goes to the end of the issue order.
        codes.remove(key);
        dropExpiredBefore(code.issuedAt());
        Iterator<PendingCode> oldestFirst = codes.values().iterator();
        while (codes.size() >= capacity) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        codes.put(key, code);
    }

    @Override
    public synchronized Optional<PendingCode> claimAttempt(String accountId, String scope) {
        Key key = new Key(accountId, scope);
        PendingCode pending = codes.get(key);
        if (pending == null) {
            return Optional.empty();
        }
        PendingCode counted = pending.withAttempts(pending.attempts() + 1);
        codes.put(key, counted);  // replacing a value keeps its place in the issue order
        return Optional.of(counted);
    }

    @Override
    public synchronized boolean remove(String accountId, String scope, String issueId) {
        Key key = new Key(accountId, scope);
        PendingCode pending = codes.get(key);
        if (pending == null || !pending.issueId().equals(issueId)) {
            return false;
        }
        codes.remove(key);
        return true;
    }

    /**
     * Drops expired codes from the oldest on. Codes of one {@code OneTimeCodes} share a time to
     * live, so the oldest expire first; the walk stops at the first live code.
     */
    private void dropExpiredBefore(Instant now) {
        Iterator<Map.Entry<Key, PendingCode>> oldestFirst = codes.entrySet().iterator();
        while (oldestFirst.hasNext() && !now.isBefore(oldestFirst.next().getValue().expiresAt())) {
            oldestFirst.remove();
        }
    }

    /**
     * Describes the store.
     *
     * @return for example {@code "InMemoryOneTimeCodeStore[3 of 10000]"}
     */
    @Override
    public synchronized String toString() {
        return "InMemoryOneTimeCodeStore[" + codes.size() + " of " + capacity + "]";
    }

    private record Key(String accountId, String scope) {
    }
}
