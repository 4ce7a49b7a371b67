package dev.otpkit.jdbc;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.core.StoreException;
import dev.otpkit.jdbc.internal.Call;
import dev.otpkit.jdbc.internal.Columns;
import dev.otpkit.jdbc.internal.Database;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@code BackupCodeStore} in database tables ({@code otpkit_backup_code} and
 * {@code otpkit_backup_code_set}), for {@code dev.otpkit.backup.BackupCodes} on several servers:
 * a backup code is accepted once across all of them. Thread-safe. It keeps the codes' Argon2id
 * hashes (PHC strings), never a code. Needs otp-backup on the class or module path, which
 * otp-jdbc does not bring by itself.
 *
 * <p>{@link #remove} is one {@code DELETE ... WHERE account_id = ? AND code_hash = ?} whose row
 * count says whether this call used the code: of concurrent uses of one code exactly one
 * succeeds. {@link #replace} is one transaction: it first locks the account's row in
 * {@code otpkit_backup_code_set}, so that two replacements of one account run one after the
 * other and never leave a mix of both sets, then deletes the old hashes and inserts the new
 * ones. {@link #hashes} is one {@code SELECT}, which sees a whole set. Checking a code is so two
 * round trips (read the hashes, remove the matching one). Nothing expires, so there is nothing
 * to purge.
 *
 * <p>Every method throws {@link StoreException} if the database fails (the
 * {@code SQLException} is its cause; the message holds no account id or hash), and
 * {@link IllegalArgumentException} for an account id or hash longer than 255 chars or holding
 * U+0000 or an unpaired surrogate.
 */
// "exports": the type names BackupCodeStore of a module required "static" only, so that a
// TOTP-only application needs neither otp-backup nor BouncyCastle; one that uses this store
// requires dev.otpkit.backup itself (module-info.java says why it is not "transitive").
@SuppressWarnings("exports")
public final class JdbcBackupCodeStore implements BackupCodeStore {
    private final Database database;

    private JdbcBackupCodeStore(Builder builder) {
        this.database = builder.database("JdbcBackupCodeStore");
    }

    /**
     * Starts a builder for a store on a data source; create its tables first with
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
     * <p>A hash given twice is kept once. This store has no bound, so it never refuses a set
     * for want of room.
     *
     * @throws IllegalArgumentException if the account id or a hash is longer than this store keeps
     * @throws StoreException if the database fails; the account's codes are then unchanged
     */
    @Override
    public void replace(String accountId, List<String> hashes) {
        Columns.id("accountId", accountId);
        Objects.requireNonNull(hashes, "hashes");
        Set<String> set = new LinkedHashSet<>();
        for (String hash : hashes) {
            set.add(Columns.id("hash", hash));
        }
        database.transaction(session -> {
            session.statement("backup.lock_set").set("account_id", accountId).update();
            session.statement("backup.delete_all").set("account_id", accountId).update();
            Call insert = session.statement("backup.insert");
            for (String hash : set) {
                insert.set("account_id", accountId).set("code_hash", hash).addBatch();
            }
            insert.executeBatch();
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the account id is longer than this store keeps
     * @throws StoreException if the database fails
     */
    @Override
    public List<String> hashes(String accountId) {
        Columns.id("accountId", accountId);
        return database.call(session -> session.statement("backup.hashes").set("account_id", accountId)
                .list(row -> row.getString(1)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the account id or hash is longer than this store keeps
     * @throws StoreException if the database fails; the code may then have been removed
     */
    @Override
    public boolean remove(String accountId, String hash) {
        Columns.id("accountId", accountId);
        Columns.id("hash", hash);
        return database.call(session -> session.statement("backup.remove").set("account_id", accountId)
                .set("code_hash", hash).update() == 1);
    }

    /**
     * Describes the store; never a hash.
     *
     * @return {@code "JdbcBackupCodeStore"}
     */
    @Override
    public String toString() {
        return "JdbcBackupCodeStore";
    }

    /** Builds {@link JdbcBackupCodeStore} instances; not thread-safe. */
    public static final class Builder extends StoreBuilder<Builder> {
        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /**
         * Builds the store. It connects on first use, not now.
         *
         * @return the store
         */
        public JdbcBackupCodeStore build() {
            return new JdbcBackupCodeStore(this);
        }
    }
}
