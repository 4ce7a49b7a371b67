package dev.otpkit.core;

import java.time.Clock;
import java.util.Optional;

/**
 * Where {@link OneTimeCodes} keeps the code pending for each account and scope, with a bounded
 * in-memory default from {@link #inMemory()}. At most one code is pending per account and
 * scope. Implementations must be thread-safe, and each method must be atomic as its contract
 * says: with a database, one statement or one transaction per call (for example
 * {@code UPDATE ... SET attempts = attempts + 1 ... RETURNING *} and
 * {@code DELETE ... WHERE issue_id = ?}, checking the row count).
 *
 * <p>Store what {@link PendingCode} holds; it never contains the code itself. A store that
 * cannot reach its storage throws a {@link StoreException}, which reaches the caller.
 *
 * <p>Account ids, scopes and issue ids are compared exactly, character for character. An
 * implementation keeps every such id of up to 255 chars (UTF-16 units) that is well-formed
 * Unicode without U+0000 exactly as given, and every hash of up to 255 bytes. It may refuse any
 * other id (longer, holding U+0000, or holding an unpaired surrogate, which some databases
 * cannot store) or a longer hash with an {@link IllegalArgumentException} that does not quote
 * it, before changing anything; it never keeps such an id changed, cut short or equal to
 * another. The in-memory store keeps every string and hash.
 */
public interface OneTimeCodeStore {

    /**
     * Saves a newly issued code. Atomically replaces the code pending for the same account and
     * scope, if any, so that the previous code can no longer be accepted.
     *
     * <p>A bounded store that would need a new entry while full of codes that have not expired
     * drops no live code (each is someone's way in): it throws {@link StoreFullException}, which
     * reaches the caller of {@link OneTimeCodes#issue}, and stores nothing.
     *
     * @param code the new pending code, with 0 attempts
     * @throws NullPointerException if {@code code} is null
     * @throws IllegalArgumentException if the implementation refuses an id or the hash as it
     *     cannot keep it exactly (see above); nothing is stored then
     * @throws StoreFullException if the store has no room for a new account and scope
     */
    void put(PendingCode code);

    /**
     * Counts an attempt on the code pending for an account and scope. Atomically, as one
     * read-modify-write: adds one to its attempt count and returns it with the new count. Two
     * concurrent calls must never see the same count. A store may answer empty for a code that
     * has expired, as none can be accepted.
     *
     * @param accountId the account
     * @param scope the action
     * @return the pending code with the attempt counted, or empty if none is pending
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the implementation refuses an id it cannot keep
     *     exactly (see above)
     */
    Optional<PendingCode> claimAttempt(String accountId, String scope);

    /**
     * Removes the code pending for an account and scope, if it is still the one with the given
     * issue id; a newer code is left in place. Atomic compare-and-delete: when several callers
     * remove the same code at once, exactly one of them gets {@code true}.
     *
     * @param accountId the account
     * @param scope the action
     * @param issueId the issue id of the code to remove
     * @return {@code true} if this call removed the code
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the implementation refuses an id it cannot keep
     *     exactly (see above)
     */
    boolean remove(String accountId, String scope, String issueId);

    /**
     * Returns the in-memory store with the system clock and room for
     * {@value dev.otpkit.core.internal.Bounds#DEFAULT_MAX_ENTRIES} pending codes, for a single
     * application instance.
     *
     * @return a new, empty store
     * @see InMemoryBuilder
     */
    static OneTimeCodeStore inMemory() {
        return inMemoryBuilder().build();
    }

    /**
     * Starts a builder for an in-memory store with a custom clock or bound.
     *
     * @return a new builder holding the defaults
     */
    static InMemoryBuilder inMemoryBuilder() {
        return new InMemoryBuilder();
    }

    /**
     * Builds the in-memory store. It holds at most {@linkplain #maxEntries(int) maxEntries}
     * pending codes, one per pair of account and scope, and forgets a code once it has expired,
     * by its clock. When full of codes that have not expired it evicts none of them:
     * {@link OneTimeCodeStore#put} throws {@link StoreFullException} with the time the first of
     * them expires. Size the bound above
     * the codes your users may have pending at once (each lives for the
     * {@linkplain OneTimeCodes.Builder#ttl(java.time.Duration) time to live} at most), or back
     * the SPI with your database. Codes and their hashes are lost on restart.
     *
     * <p>Not thread-safe; the store it builds is.
     */
    final class InMemoryBuilder extends InMemoryStoreBuilder<InMemoryBuilder, OneTimeCodeStore> {
        private InMemoryBuilder() {
        }

        @Override
        OneTimeCodeStore newStore(int maxEntries, Clock clock) {
            return new InMemoryOneTimeCodeStore(maxEntries, clock);
        }
    }
}
