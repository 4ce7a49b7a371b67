package dev.otpkit.core.internal;

import dev.otpkit.core.ReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounded in-memory {@link ReplayGuard}: the last accepted step per pair of account and
 * authenticator, kept until that step has left every window (see {@link AccountTable}).
 */
public final class InMemoryReplayGuard implements ReplayGuard {
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

    /**
     * Makes a guard; the arguments are checked by {@link ReplayGuard.InMemoryBuilder}.
     *
     * @param maxAccounts the most pairs of account and authenticator remembered
     * @param clock the time source for expiry
     */
    public InMemoryReplayGuard(int maxAccounts, Clock clock) {
        this.clock = clock;
        this.table = new AccountTable<>(maxAccounts, LastStep::new);
    }

    @Override
    public Acceptance tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
        Pair pair = pair(accountId, authenticatorId);
        long keepUntilMillis = toMillis(Objects.requireNonNull(keepUntil, "keepUntil"));
        long nowMillis = clock.millis();
        Boolean accepted = table.update(pair, nowMillis, LastStep::accept, step, keepUntilMillis);
        if (accepted == null) {
            return Acceptance.noRoom(toInstant(table.roomExpectedAtMillis(nowMillis)));
        }
        return accepted ? Acceptance.accepted() : Acceptance.replayed();
    }

    @Override
    public boolean hasAccepted(String accountId, String authenticatorId, long step) {
        return table.read(pair(accountId, authenticatorId), clock.millis(), LastStep::covers, step, 0, Boolean.FALSE);
    }

    private static Pair pair(String accountId, String authenticatorId) {
        return new Pair(Objects.requireNonNull(accountId, "accountId"),
                Objects.requireNonNull(authenticatorId, "authenticatorId"));
    }

    /**
     * Returns how many pairs of account and authenticator are remembered, for tests of the bound.
     *
     * @return the number of pairs with a remembered step
     */
    public int trackedAccounts() {
        return table.size();
    }

    private static long toMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException beyondMillis) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Instant toInstant(long epochMillis) {
        return epochMillis == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(epochMillis);
    }

    @Override
    public String toString() {
        return "InMemoryReplayGuard[" + table.size() + " accounts remembered]";
    }
}
