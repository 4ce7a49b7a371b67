package dev.otpkit.jdbc;

import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import dev.otpkit.core.StoreException;
import dev.otpkit.jdbc.internal.Call;
import dev.otpkit.jdbc.internal.Columns;
import dev.otpkit.jdbc.internal.Database;
import dev.otpkit.jdbc.internal.Purge;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link OneTimeCodeStore} in a database table ({@code otpkit_one_time_code}), for
 * {@link dev.otpkit.core.OneTimeCodes} on several servers: a code issued by one server is
 * accepted by any, once. Thread-safe. It keeps a code's keyed hash, never the code; give every
 * server's {@code OneTimeCodes} the same hash key, kept out of this database.
 *
 * <p>Each method is atomic in the database: {@link #put} is one upsert; {@link #remove} one
 * {@code DELETE ... WHERE issue_id = ?} whose row count says whether this call removed the
 * code; {@link #claimAttempt} counts the attempt and returns the row as counted, on PostgreSQL
 * and H2 in one statement ({@code UPDATE ... RETURNING}, {@code FINAL TABLE}), on MySQL and
 * MariaDB as an {@code UPDATE} then a {@code SELECT ... FOR UPDATE} in one transaction holding
 * the row's lock. So a verification is two round trips on PostgreSQL and H2 (claim, then remove
 * when right), and on MySQL and MariaDB the claim takes one more, plus the driver's transaction
 * control. Instants are kept to the millisecond; an expiry is rounded down.
 *
 * <p>{@link #purgeExpired(int)} deletes expired codes. Every method throws
 * {@link StoreException} if the database fails (the {@code SQLException} is its cause;
 * the message holds no account id, code or hash), and {@link IllegalArgumentException} for an
 * id longer than 255 chars or holding U+0000 or an unpaired surrogate, or a hash over 255 bytes.
 */
public final class JdbcOneTimeCodeStore implements OneTimeCodeStore {
    /** Longest hash kept: 255 bytes ({@link dev.otpkit.core.OneTimeCodes} makes 32). */
    public static final int MAX_HASH_BYTES = 255;

    private final Database database;
    private final Clock clock;

    private JdbcOneTimeCodeStore(Builder builder) {
        this.database = builder.database("JdbcOneTimeCodeStore");
        this.clock = builder.clock();
    }

    /**
     * Starts a builder for a store on a data source; create its table first with
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
     * @throws NullPointerException if {@code code} is null
     * @throws IllegalArgumentException if an id or the hash is longer than this store keeps
     * @throws StoreException if the database fails
     */
    @Override
    public void put(PendingCode code) {
        Objects.requireNonNull(code, "code");
        Columns.id("accountId", code.accountId());
        Columns.id("scope", code.scope());
        Columns.id("issueId", code.issueId());
        byte[] hash = code.hash();
        if (hash.length > MAX_HASH_BYTES) {
            throw new IllegalArgumentException("the hash must be at most " + MAX_HASH_BYTES + " bytes, was "
                    + hash.length);
        }
        database.call(session -> session.statement("code.put").set("account_id", code.accountId())
                .set("scope", code.scope()).set("issue_id", code.issueId()).set("code_hash", hash)
                .set("issued_at_ms", Columns.millis(code.issuedAt()))
                .set("expires_at_ms", Columns.millis(code.expiresAt())).set("attempts", code.attempts())
                .update());
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an id is longer than this store keeps
     * @throws StoreException if the database fails; the attempt may then have been counted
     */
    @Override
    public Optional<PendingCode> claimAttempt(String accountId, String scope) {
        Columns.id("accountId", accountId);
        Columns.id("scope", scope);
        if (database.dialect().updateReturnsRows()) {
            return database.call(session -> readClaimed(session.statement("code.claim"), accountId, scope));
        }
        return database.transaction(session -> {
            int counted = session.statement("code.count_attempt").set("account_id", accountId).set("scope", scope)
                    .update();
            return counted == 0 ? Optional.empty()
                    : readClaimed(session.statement("code.read_claimed"), accountId, scope);
        });
    }

    private static Optional<PendingCode> readClaimed(Call call, String accountId, String scope) throws SQLException {
        return call.set("account_id", accountId).set("scope", scope).single(row -> new PendingCode(accountId, scope,
                row.getString(1), row.getBytes(2), Columns.instant(row.getLong(3)), Columns.instant(row.getLong(4)),
                row.getInt(5)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an id is longer than this store keeps
     * @throws StoreException if the database fails; the code may then have been removed
     */
    @Override
    public boolean remove(String accountId, String scope, String issueId) {
        Columns.id("accountId", accountId);
        Columns.id("scope", scope);
        Columns.id("issueId", issueId);
        return database.call(session -> session.statement("code.remove").set("account_id", accountId)
                .set("scope", scope).set("issue_id", issueId).update() == 1);
    }

    /**
     * Deletes at most {@code maxRows} codes that expired at or before the clock's now; no
     * verification can accept them any more. One statement; a code issued anew meanwhile for the
     * same account and scope is not expired and stays.
     *
     * <p>Call it every few minutes from one scheduled task, again while it returns
     * {@code maxRows}. Codes are also replaced when issued anew and removed when used, so the
     * table holds about the codes issued within one time to live plus the interval.
     *
     * @param maxRows the most rows to delete in this call, 1 to 100,000; about 1,000 keeps each
     *     statement short
     * @return the number of rows deleted; {@code maxRows} means more may remain
     * @throws IllegalArgumentException if {@code maxRows} is out of range
     * @throws StoreException if the database fails
     */
    public int purgeExpired(int maxRows) {
        return Purge.expired(database, "code.purge", clock, maxRows);
    }

    /**
     * Describes the store.
     *
     * @return {@code "JdbcOneTimeCodeStore"}
     */
    @Override
    public String toString() {
        return "JdbcOneTimeCodeStore";
    }

    /** Builds {@link JdbcOneTimeCodeStore} instances; not thread-safe. */
    public static final class Builder extends TimedStoreBuilder<Builder> {
        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /**
         * Builds the store. It connects on first use, not now.
         *
         * @return the store
         */
        public JdbcOneTimeCodeStore build() {
            return new JdbcOneTimeCodeStore(this);
        }
    }
}
