package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.testkit.BackupCodeStoreContract;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's contract, and what only a database store does, on each database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcBackupCodeStoreTest extends BackupCodeStoreContract {
    @Parameter
    TestDatabase database;

    @Override
    protected BackupCodeStore newStore() {
        return JdbcBackupCodeStore.builder(database.emptiedKitTables("backup_code_set", "backup_code"))
                .tablePrefix(TestDatabase.KIT_TABLES).build();
    }

    private static List<String> hashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> "$argon2id$v=19$m=19456,t=2,p=1$a" + i + "$hash").toList();
    }

    @Test
    void keepsSetsAcrossAFreshDataSource() {
        String account = TestDatabase.account();
        try (HikariDataSource first = database.newPool(2)) {
            JdbcBackupCodeStore.builder(first).build().replace(account, hashes(10));
        }
        try (HikariDataSource second = database.newPool(2)) {
            BackupCodeStore restarted = JdbcBackupCodeStore.builder(second).build();
            assertTrue(restarted.remove(account, hashes(1).get(0)));
            assertEquals(9, restarted.hashes(account).size());
        }
    }

    @Test
    void keepsAHashGivenTwiceOnce() {
        BackupCodeStore store = JdbcBackupCodeStore.builder(database.shared()).build();
        String account = TestDatabase.account();
        store.replace(account, List.of("h1", "h2", "h1"));
        assertEquals(new HashSet<>(List.of("h1", "h2")), new HashSet<>(store.hashes(account)));
        assertEquals(2, store.hashes(account).size());
    }
}
