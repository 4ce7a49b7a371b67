package dev.otpkit.core;

import dev.otpkit.core.internal.AccountTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounded in-memory {@link ReplayGuard}: the last accepted step per pair of account and
 * authenticator, kept until that step has left every window (see {@link AccountTable}). Made
 * by {@link ReplayGuard.InMemoryBuilder}.
 */
final class InMemoryReplayGuard implements ReplayGuard {
    private final Clock clock;
    private final AccountTable<LastStep> table;

    /**
     * The table's key: the two ids side by side, compared one by one, so that no two distinct
     * pairs are equal whatever characters the ids hold (a joined string would let
     * {@code ("a/b", "")} and {@code ("a", "b")} meet).
     */
    private record Pair(String accountId, String authenticatorId) {
    }

    /** The last accepted step of one pair; read and written under its monitor only. */
    private static final class LastStep extends AccountTable.Entry {
        long step = -1;
        long keepUntilMillis = Long.MIN_VALUE;

        /**
         * Accepts a strictly newer step and remembers it until {@code keepUntil} at least: a
         * verifier may have asked to keep the older step longer (HOTP keeps a counter an hour).
         */
        Boolean accept(long newStep, long keepUntil) {
            if (newStep <= step) {
                return Boolean.FALSE;
            }
            step = newStep;
            keepUntilMillis = Math.max(keepUntilMillis, keepUntil);
            return Boolean.TRUE;
        }

        /** Tells whether {@code someStep} or a newer one was accepted. */
        Boolean covers(long someStep, long unused) {
            return someStep <= step;
        }

        @Override
        protected long forgetAtMillis() {
            return keepUntilMillis;
        }
    }

    /** Makes a guard; the arguments are checked by the builder. */
    InMemoryReplayGuard(int maxEntries, Clock clock) {
        this.clock = clock;
        this.table = new AccountTable<>("the in-memory ReplayGuard", maxEntries, LastStep::new);
    }

    @Override
    public boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
        Pair pair = pair(accountId, authenticatorId);
        long keepUntilMillis = AccountTable.toEpochMillis(Objects.requireNonNull(keepUntil, "keepUntil"));
        return table.update(pair, clock.millis(), LastStep::accept, step, keepUntilMillis);
    }

    @Override
    public boolean hasAccepted(String accountId, String authenticatorId, long step) {
        return table.read(pair(accountId, authenticatorId), clock.millis(), LastStep::covers, step, 0, Boolean.FALSE);
    }

    private static Pair pair(String accountId, String authenticatorId) {
        return new Pair(Objects.requireNonNull(accountId, "accountId"),
                Objects.requireNonNull(authenticatorId, "authenticatorId"));
    }

    @Override
    public String toString() {
        return "InMemoryReplayGuard[" + table.size() + " of " + table.maxEntries() + " pairs remembered]";
    }
}
