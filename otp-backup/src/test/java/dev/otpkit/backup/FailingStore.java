package dev.otpkit.backup;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory store whose reads or removals can be made to throw, standing in for a store
 * that is full or whose database is down.
 */
final class FailingStore implements BackupCodeStore {
    /** The operations a verification calls, which can be made to fail. */
    enum Operation { READ, REMOVE }

    private final BackupCodeStore real = BackupCodeStore.inMemory();
    private final Map<Operation, RuntimeException> failures = new EnumMap<>(Operation.class);

    /** From now on, {@code operation} throws {@code failure}; or works again if it is null. */
    FailingStore fail(Operation operation, RuntimeException failure) {
        if (failure == null) {
            failures.remove(operation);
        } else {
            failures.put(operation, failure);
        }
        return this;
    }

    @Override
    public void replace(String accountId, List<String> hashes) {
        real.replace(accountId, hashes);
    }

    @Override
    public List<String> hashes(String accountId) {
        throwIfFailing(Operation.READ);
        return real.hashes(accountId);
    }

    @Override
    public boolean remove(String accountId, String hash) {
        throwIfFailing(Operation.REMOVE);
        return real.remove(accountId, hash);
    }

    private void throwIfFailing(Operation operation) {
        RuntimeException failure = failures.get(operation);
        if (failure != null) {
            throw failure;
        }
    }
}
