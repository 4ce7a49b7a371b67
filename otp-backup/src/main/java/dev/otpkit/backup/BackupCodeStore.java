package dev.otpkit.backup;

import dev.otpkit.core.StoreException;
import dev.otpkit.core.StoreFullException;
import dev.otpkit.core.internal.Bounds;
import java.util.List;

/**
 * Where the hashes of each account's backup codes live: the SPI behind {@link BackupCodes}, with
 * a bounded in-memory default from {@link #inMemory()}. Implement it to keep the hashes in your
 * own database. Only hashes (PHC strings) ever reach a store, never a code. Implementations must
 * be thread-safe.
 *
 * <p>A relational table with one row per hash, {@code (account_id, hash)}, implements it
 * directly: {@link #replace} is a delete and inserts in one transaction, {@link #remove} is a
 * {@code DELETE ... WHERE account_id = ? AND hash = ?} that reports whether it deleted a row.
 *
 * <p>A store that cannot reach its storage throws a {@link StoreException}, which reaches the
 * caller of {@link BackupCodes}. A store with no room for another account's set throws
 * {@link StoreFullException} from {@link #replace}, which reaches the caller of
 * {@link BackupCodes#generate(String)}. Reading and removing never need room; should a store
 * still throw {@code StoreFullException} from {@link #hashes} or {@link #remove},
 * {@link BackupCodes#verify} answers {@link dev.otpkit.core.Verification.Status#UNAVAILABLE}.
 *
 * <p>Account ids and hashes are compared exactly, character for character. An implementation
 * keeps every account id and hash of up to 255 chars (UTF-16 units) that is well-formed Unicode
 * without U+0000 exactly as given. It may refuse any other (longer, holding U+0000, or holding
 * an unpaired surrogate, which some databases cannot store) with an
 * {@link IllegalArgumentException} that does not quote it, before changing anything; it never
 * keeps such a string changed, cut short or equal to another. The in-memory store keeps every
 * string.
 */
public interface BackupCodeStore {
    /**
     * Replaces the account's set of hashes. Atomic: once it returns, no caller sees any hash
     * of the old set, and no {@link #remove} can succeed on one; no caller ever sees a mix of
     * both sets.
     *
     * @param accountId the account
     * @param hashes the new set's PHC strings; empty to remove every code of the account
     * @throws NullPointerException if an argument or element is null
     * @throws IllegalArgumentException if the implementation refuses the account id or a hash
     *     as it cannot keep it exactly (see above); the account's codes are then unchanged
     * @throws StoreFullException if the store has no room for another account's set; the
     *     account's codes are then unchanged
     */
    void replace(String accountId, List<String> hashes);

    /**
     * Returns the account's current hashes.
     *
     * @param accountId the account
     * @return a snapshot of the set, in any order; empty (never null) for an account without
     *     codes
     * @throws NullPointerException if {@code accountId} is null
     * @throws IllegalArgumentException if the implementation refuses an account id it cannot
     *     keep exactly (see above)
     */
    List<String> hashes(String accountId);

    /**
     * Removes one hash from the account's set if it is still there: compare-and-remove.
     * Atomic: when several callers remove the same hash at once, exactly one gets
     * {@code true}; a hash already removed, or replaced by a new set, gives {@code false}.
     * This is what makes a backup code single-use.
     *
     * @param accountId the account
     * @param hash one PHC string as returned by {@link #hashes}
     * @return whether this call removed it
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the implementation refuses the account id or hash as
     *     it cannot keep it exactly (see above)
     */
    boolean remove(String accountId, String hash);

    /**
     * Returns the in-memory store with room for the sets of
     * {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES} accounts, the bound of every
     * otpkit in-memory store.
     *
     * @return a new, empty store
     * @see InMemoryBuilder
     */
    static BackupCodeStore inMemory() {
        return inMemoryBuilder().build();
    }

    /**
     * Starts a builder for an in-memory store with a custom bound.
     *
     * @return a new builder holding the defaults
     */
    static InMemoryBuilder inMemoryBuilder() {
        return new InMemoryBuilder();
    }

    /**
     * Builds the in-memory store, which keeps the hashes in this JVM's memory, lost on restart.
     * It holds the sets of the accounts the application gave codes to, about 1.6 KB per set of
     * 10; checking a code never adds an entry, so an attacker cannot grow it. It holds at most
     * {@linkplain #maxEntries(int) maxEntries} accounts' sets: when full, {@link #replace}
     * refuses a set for a new account with a {@link StoreFullException} (without a retry time:
     * sets do not expire), and so does {@link BackupCodes#generate(String)}. It never evicts a
     * set, since that would silently take away an account's way to recover. Replacing an
     * account's set keeps its place; an account whose last code is used or revoked frees it.
     *
     * <p>Not thread-safe; the store it builds is.
     */
    final class InMemoryBuilder {
        private int maxEntries = Bounds.DEFAULT_MAX_ENTRIES;

        private InMemoryBuilder() {
        }

        /**
         * Sets the most accounts whose sets the store holds at once; default
         * {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES} (about 160 MB with sets
         * of 10 codes).
         *
         * @param maxEntries at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code maxEntries} is below 1
         */
        public InMemoryBuilder maxEntries(int maxEntries) {
            this.maxEntries = Bounds.requireMaxEntries(maxEntries);
            return this;
        }

        /**
         * Builds the store. A builder may be used again: each call makes a new store.
         *
         * @return a new, empty store
         */
        public BackupCodeStore build() {
            return new InMemoryBackupCodeStore(maxEntries);
        }
    }
}
