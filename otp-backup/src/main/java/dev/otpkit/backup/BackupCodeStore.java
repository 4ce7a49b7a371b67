package dev.otpkit.backup;

import dev.otpkit.backup.internal.InMemoryBackupCodeStore;
import java.util.List;

/**
 * Where the hashes of each account's backup codes live: an application backs it with its own
 * database; {@link #inMemory()} is the default. Only hashes (PHC strings) ever reach a store,
 * never a code. Implementations must be thread-safe.
 *
 * <p>A relational table with one row per hash, {@code (account_id, hash)}, implements it
 * directly: {@link #replace} is a delete and inserts in one transaction, {@link #remove} is a
 * {@code DELETE ... WHERE account_id = ? AND hash = ?} that reports whether it deleted a row.
 */
public interface BackupCodeStore {
    /**
     * How many accounts' sets the {@link #inMemory()} store holds at most: 10,000, about 16 MB
     * with sets of 10 codes.
     */
    int DEFAULT_MAX_ACCOUNTS = 10_000;

    /**
     * Makes a store that keeps the hashes in this JVM's memory, lost on restart, for at most
     * {@value #DEFAULT_MAX_ACCOUNTS} accounts; see {@link #inMemory(int)}.
     *
     * @return a new, empty store
     */
    static BackupCodeStore inMemory() {
        return inMemory(DEFAULT_MAX_ACCOUNTS);
    }

    /**
     * Makes a store that keeps the hashes in this JVM's memory, lost on restart. It holds the
     * sets of the accounts the application gave codes to, about 1.6 KB per set of 10; checking
     * a code never adds an entry, so an attacker cannot grow it. It holds at most
     * {@code maxAccounts} accounts' sets: when full, {@link #replace} refuses a set for a new
     * account with an {@link IllegalStateException}, and so does
     * {@link BackupCodes#generate(String)}. It never evicts a set, since that would silently
     * take away an account's way to recover. Replacing an account's set keeps its place; an
     * account whose last code is used or revoked frees it.
     *
     * @param maxAccounts the most accounts whose sets it holds at once, 1 or more
     * @return a new, empty store
     * @throws IllegalArgumentException if {@code maxAccounts} is less than 1
     */
    static BackupCodeStore inMemory(int maxAccounts) {
        return new InMemoryBackupCodeStore(maxAccounts);
    }

    /**
     * Replaces the account's set of hashes. Atomic: once it returns, no caller sees any hash
     * of the old set, and no {@link #remove} can succeed on one; no caller ever sees a mix of
     * both sets.
     *
     * @param accountId the account
     * @param hashes the new set's PHC strings; empty to remove every code of the account
     * @throws NullPointerException if an argument or element is null
     * @throws IllegalStateException if the store has no room for another account's set (the
     *     bounded {@link #inMemory(int)} store when full); the account's codes are then
     *     unchanged
     */
    void replace(String accountId, List<String> hashes);

    /**
     * Returns the account's current hashes.
     *
     * @param accountId the account
     * @return a snapshot of the set, in any order; empty (never null) for an account without
     *     codes
     * @throws NullPointerException if {@code accountId} is null
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
     */
    boolean remove(String accountId, String hash);
}
