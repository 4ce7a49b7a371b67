package dev.otpkit.testkit;

import dev.otpkit.backup.BackupCodeStore;

/** The kit's backup-code store contract, run against otp-backup's in-memory store. */
class InMemoryBackupCodeStoreTest extends BoundedBackupCodeStoreContract {
    @Override
    protected BackupCodeStore newStore(int maxEntries) {
        return BackupCodeStore.inMemoryBuilder().maxEntries(maxEntries).build();
    }
}
