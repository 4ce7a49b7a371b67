package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.backup.BackupCodeStore;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract and what only a database store does, on each database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcBackupCodeStoreTest extends BackupCodeStoreContract {
    @Parameter
    TestDatabase database;

    @Override
    BackupCodeStore store() {
        return JdbcBackupCodeStore.builder(database.shared()).build();
    }

    @Test
    void keepsSetsAcrossAFreshDataSource() {
        String account = TestDatabase.account();
        try (HikariDataSource first = database.newPool(2)) {
            JdbcBackupCodeStore.builder(first).build().replace(account, set("a", 10));
        }
        try (HikariDataSource second = database.newPool(2)) {
            BackupCodeStore restarted = JdbcBackupCodeStore.builder(second).build();
            assertTrue(restarted.remove(account, set("a", 1).get(0)));
            assertEquals(9, restarted.hashes(account).size());
        }
    }

    @Test
    void keepsAHashGivenTwiceOnce() {
        BackupCodeStore store = store();
        String account = TestDatabase.account();
        store.replace(account, List.of("h1", "h2", "h1"));
        assertEquals(new HashSet<>(List.of("h1", "h2")), new HashSet<>(store.hashes(account)));
        assertEquals(2, store.hashes(account).size());
    }
}
