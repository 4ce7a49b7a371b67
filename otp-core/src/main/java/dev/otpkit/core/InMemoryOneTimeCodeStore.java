package dev.otpkit.core;

import dev.otpkit.core.internal.AccountTable;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The bounded in-memory {@link OneTimeCodeStore}: the pending code per pair of account and
 * scope, kept until it expires (see {@link AccountTable}), each pair changed under its own
 * monitor. Made by {@link OneTimeCodeStore.InMemoryBuilder}.
 */
final class InMemoryOneTimeCodeStore implements OneTimeCodeStore {
    private final Clock clock;
    private final AccountTable<Slot> table;

    /** The table's key: account and scope side by side, never joined into one string. */
    private record Key(String accountId, String scope) {
    }

    /** The code pending for one pair; read and written under its monitor only. */
    private static final class Slot extends AccountTable.Entry {
        PendingCode code;

        /** Counts an attempt, atomically with reading the code. */
        PendingCode claim(long unused, long alsoUnused) {
            code = code.withAttempts(code.attempts() + 1);
            return code;
        }

        /** Empties the slot, which the table then drops, if it still holds the issue. */
        Boolean removeIssue(String issueId) {
            if (!code.issueId().equals(issueId)) {
                return Boolean.FALSE;
            }
            code = null;
            return Boolean.TRUE;
        }

        /** An expired code can never be accepted: from then on the slot may go. */
        @Override
        protected long forgetAtMillis() {
            return code == null ? Long.MIN_VALUE : AccountTable.toEpochMillis(code.expiresAt());
        }
    }

    /** Makes a store; the arguments are checked by the builder. */
    InMemoryOneTimeCodeStore(int maxEntries, Clock clock) {
        this.clock = clock;
        this.table = new AccountTable<>("the in-memory OneTimeCodeStore", maxEntries, Slot::new);
    }

    @Override
    public void put(PendingCode code) {
        Objects.requireNonNull(code, "code");
        table.update(new Key(code.accountId(), code.scope()), clock.millis(), (slot, unused, alsoUnused) -> {
            slot.code = code;
            return Boolean.TRUE;
        }, 0, 0);
    }

    @Override
    public Optional<PendingCode> claimAttempt(String accountId, String scope) {
        PendingCode claimed = table.updateIfPresent(key(accountId, scope), clock.millis(), Slot::claim, 0, 0, null);
        return Optional.ofNullable(claimed);
    }

    @Override
    public boolean remove(String accountId, String scope, String issueId) {
        Objects.requireNonNull(issueId, "issueId");
        return table.updateIfPresent(key(accountId, scope), clock.millis(),
                (slot, unused, alsoUnused) -> slot.removeIssue(issueId), 0, 0, Boolean.FALSE);
    }

    private static Key key(String accountId, String scope) {
        return new Key(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(scope, "scope"));
    }

    /**
     * Describes the store.
     *
     * @return for example {@code "InMemoryOneTimeCodeStore[3 of 100000 codes pending]"}
     */
    @Override
    public String toString() {
        return "InMemoryOneTimeCodeStore[" + table.size() + " of " + table.maxEntries() + " codes pending]";
    }
}
