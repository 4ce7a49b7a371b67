package dev.otpkit.core;

import dev.otpkit.core.internal.InMemoryOneTimeCodeStore;
import java.util.Optional;

/**
 * Where {@link OneTimeCodes} keeps the code pending for each account and scope. At most one
 * code is pending per account and scope. Implementations must be thread-safe, and each method
 * must be atomic as its contract says: with a database, one statement or one transaction per
 * call (for example {@code UPDATE ... SET attempts = attempts + 1 ... RETURNING *} and
 * {@code DELETE ... WHERE issue_id = ?}, checking the row count).
 *
 * <p>Store what {@link PendingCode} holds; it never contains the code itself.
 */
public interface OneTimeCodeStore {

    /**
     * Makes a store that keeps codes in memory, for a single application instance. When full,
     * it forgets expired codes first, then the oldest.
     *
     * @param capacity the most pending codes kept, 1 or more
     * @return a new, empty store
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    static OneTimeCodeStore inMemory(int capacity) {
        return new InMemoryOneTimeCodeStore(capacity);
    }

    /**
     * Saves a newly issued code. Atomically replaces the code pending for the same account and
     * scope, if any, so that the previous code can no longer be accepted.
     *
     * @param code the new pending code, with 0 attempts
     */
    void put(PendingCode code);

    /**
     * Counts an attempt on the code pending for an account and scope. Atomically, as one
     * read-modify-write: adds one to its attempt count and returns it with the new count. Two
     * concurrent calls must never see the same count.
     *
     * @param accountId the account
     * @param scope the action
     * @return the pending code with the attempt counted, or empty if none is pending
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
     */
    boolean remove(String accountId, String scope, String issueId);
}
