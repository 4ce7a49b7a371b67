package dev.otpkit.backup;

import java.util.List;

/**
 * An in-memory store whose reads or removals can be made to throw, standing in for a store
 * that is full or whose database is down.
 */
final class FailingStore implements BackupCodeStore {
    private final BackupCodeStore real = BackupCodeStore.inMemory();
    private RuntimeException readFailure;
    private RuntimeException removeFailure;

    /** From now on, {@link #hashes} throws {@code failure}. */
    FailingStore failReads(RuntimeException failure) {
        this.readFailure = failure;
        return this;
    }

    /** From now on, {@link #remove} throws {@code failure}. */
    FailingStore failRemovals(RuntimeException failure) {
        this.removeFailure = failure;
        return this;
    }

    @Override
    public void replace(String accountId, List<String> hashes) {
        real.replace(accountId, hashes);
    }

    @Override
    public List<String> hashes(String accountId) {
        if (readFailure != null) {
            throw readFailure;
        }
        return real.hashes(accountId);
    }

    @Override
    public boolean remove(String accountId, String hash) {
        if (removeFailure != null) {
            throw removeFailure;
        }
        return real.remove(accountId, hash);
    }
}
