package dev.otpkit.core.internal;

import dev.otpkit.core.ReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The bounded in-memory {@link ReplayGuard}: the last accepted step per account, kept until
 * that step has left every window (see {@link AccountTable}).
 */
public final class InMemoryReplayGuard implements ReplayGuard {
    private final Clock clock;
    private final AccountTable<LastStep> table;

    /** The last accepted step of one account; read and written under its monitor only. */
    private static final class LastStep extends AccountTable.Entry {
        long step = -1;
        long keepUntilMillis = Long.MIN_VALUE;

        /**
         * Accepts a strictly newer step and remembers it until {@code keepUntil} at least: a
         * verifier with a wider window may have asked to keep the older step longer.
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
     * @param maxAccounts the most accounts remembered
     * @param clock the time source for expiry
     */
    public InMemoryReplayGuard(int maxAccounts, Clock clock) {
        this.clock = clock;
        this.table = new AccountTable<>(maxAccounts, LastStep::new);
    }

    @Override
    public boolean tryAccept(String accountId, long step, Instant keepUntil) {
        Objects.requireNonNull(accountId, "accountId");
        long keepUntilMillis = toMillis(Objects.requireNonNull(keepUntil, "keepUntil"));
        Boolean accepted = table.update(accountId, clock.millis(), LastStep::accept, step, keepUntilMillis);
        return accepted != null && accepted; // a full table refuses: failing closed
    }

    @Override
    public boolean hasAccepted(String accountId, long step) {
        Objects.requireNonNull(accountId, "accountId");
        return table.read(accountId, clock.millis(), LastStep::covers, step, 0, Boolean.FALSE);
    }

    /**
     * Returns how many accounts are remembered, for tests of the bound.
     *
     * @return the number of accounts with a remembered step
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

    @Override
    public String toString() {
        return "InMemoryReplayGuard[" + table.size() + " accounts remembered]";
    }
}
