package dev.otpkit.jdbc;

import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.StoreException;
import dev.otpkit.jdbc.internal.Columns;
import dev.otpkit.jdbc.internal.Database;
import dev.otpkit.jdbc.internal.Purge;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link ReplayGuard} in a database table ({@code otpkit_replay_guard}), exact across any
 * number of servers sharing it: of concurrent acceptances of one step, on any server, exactly
 * one is accepted. Thread-safe; build one per application and share it between verifiers.
 *
 * <p>Accepting a step is one conditional statement: on PostgreSQL an
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE last_step < step} and on H2 a
 * {@code MERGE ... WHEN MATCHED AND last_step < step ... WHEN NOT MATCHED THEN INSERT}, one round
 * trip; on MySQL and MariaDB an {@code UPDATE ... WHERE last_step < step}, one round trip when the
 * pair has a row, and an {@code INSERT} after it (a second round trip) for a pair's first
 * acceptance since its row was purged. The row count decides; nothing is read first.
 *
 * <p>It never throws {@link dev.otpkit.core.StoreFullException}: the table has no bound. Its rows
 * are one per pair of account and authenticator; {@link #purgeExpired(int)} deletes those whose last
 * step has left every window.
 *
 * <p>Every method throws {@link StoreException} if the database fails (the
 * {@code SQLException} is its cause; the message holds no account id), and
 * {@link IllegalArgumentException} for an id longer than 255 chars or holding U+0000 or an
 * unpaired surrogate, which the database could not store exactly.
 */
public final class JdbcReplayGuard implements ReplayGuard {
    private final Database database;
    private final Clock clock;

    private JdbcReplayGuard(Builder builder) {
        this.database = builder.database("JdbcReplayGuard");
        this.clock = builder.clock();
    }

    /**
     * Starts a builder for a guard on a data source; create its table first with
     * {@link OtpkitSchema#create(DataSource)} or the Flyway migrations.
     *
     * @param dataSource the database, shared by every server of the application
     * @return a new builder
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Never throws {@link dev.otpkit.core.StoreFullException}.
     *
     * @throws StoreException if the database fails; the step is then not accepted
     */
    @Override
    public boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
        Columns.id("accountId", accountId);
        Columns.id("authenticatorId", authenticatorId);
        long keepUntilMillis = Columns.millis(Objects.requireNonNull(keepUntil, "keepUntil"));
        return database.call(session -> {
            if (accept(session, accountId, authenticatorId, step, keepUntilMillis)) {
                return true;
            }
            if (session.dialect().hasConditionalUpsert()) {
                return false;   // the upsert would have inserted a missing pair
            }
            // No row, or a replay: an INSERT tells. If a concurrent call inserted the pair
            // first, the row now exists and the UPDATE decides.
            return session.statement("replay.insert").set("account_id", accountId)
                    .set("authenticator_id", authenticatorId).set("step", step)
                    .set("keep_until_ms", keepUntilMillis).insertUnlessPresent()
                    || accept(session, accountId, authenticatorId, step, keepUntilMillis);
        });
    }

    private static boolean accept(Database.Session session, String accountId, String authenticatorId, long step,
            long keepUntilMillis) throws SQLException {
        return session.statement("replay.accept").set("account_id", accountId)
                .set("authenticator_id", authenticatorId).set("step", step)
                .set("keep_until_ms", keepUntilMillis).update() == 1;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code SELECT}. A pair is remembered until {@link #purgeExpired(int)} deletes it.
     *
     * @throws StoreException if the database fails
     */
    @Override
    public boolean hasAccepted(String accountId, String authenticatorId, long step) {
        Columns.id("accountId", accountId);
        Columns.id("authenticatorId", authenticatorId);
        return database.call(session -> session.statement("replay.has_accepted").set("account_id", accountId)
                .set("authenticator_id", authenticatorId).set("step", step).single(row -> true).isPresent());
    }

    /**
     * Deletes at most {@code maxRows} pairs whose last accepted step has left every window
     * ({@code keepUntil} at or before the clock's now); they can no longer matter. One
     * statement; concurrent acceptances are safe, since a row is deleted only if it is still
     * expired when the statement reaches it.
     *
     * <p>Call it every few minutes from one scheduled task, again while it returns
     * {@code maxRows}: a TOTP step is kept for 5.5 minutes after its use (see
     * {@link dev.otpkit.core.TotpVerifier#MAX_WINDOW}), so the table holds about the pairs that
     * logged in within that time plus the interval. A pair's next acceptance after its row was
     * purged takes a second round trip on MySQL and MariaDB.
     *
     * @param maxRows the most rows to delete in this call, 1 to 100,000; about 1,000 keeps each
     *     statement short
     * @return the number of rows deleted; {@code maxRows} means more may remain
     * @throws IllegalArgumentException if {@code maxRows} is out of range
     * @throws StoreException if the database fails
     */
    public int purgeExpired(int maxRows) {
        return Purge.expired(database, "replay.purge", clock, maxRows);
    }

    /**
     * Describes the guard.
     *
     * @return {@code "JdbcReplayGuard"}
     */
    @Override
    public String toString() {
        return "JdbcReplayGuard";
    }

    /** Builds {@link JdbcReplayGuard} instances; not thread-safe. */
    public static final class Builder extends TimedStoreBuilder<Builder> {
        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /**
         * Builds the guard. It connects on first use, not now.
         *
         * @return the guard
         */
        public JdbcReplayGuard build() {
            return new JdbcReplayGuard(this);
        }
    }
}
