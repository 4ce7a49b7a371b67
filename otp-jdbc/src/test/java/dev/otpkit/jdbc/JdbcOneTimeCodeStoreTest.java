package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract and what only a database store does, on each database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcOneTimeCodeStoreTest extends OneTimeCodeStoreContract {
    @Parameter
    TestDatabase database;

    private final TestClock clock = new TestClock(EXPIRES);

    @Override
    OneTimeCodeStore store() {
        return JdbcOneTimeCodeStore.builder(database.shared()).clock(clock).build();
    }

    @Test
    void keepsCodesAcrossAFreshDataSource() {
        String account = TestDatabase.account();
        try (HikariDataSource first = database.newPool(2)) {
            JdbcOneTimeCodeStore.builder(first).build().put(code(account, "login", "issue-1", 7));
        }
        try (HikariDataSource second = database.newPool(2)) {
            OneTimeCodeStore restarted = JdbcOneTimeCodeStore.builder(second).build();
            assertEquals("issue-1", restarted.claimAttempt(account, "login").orElseThrow().issueId());
        }
    }

    @Test
    void purgesOnlyExpiredCodesInBoundedBatches() {
        JdbcOneTimeCodeStore store = JdbcOneTimeCodeStore.builder(database.shared())
                .tablePrefix(database.freshTables()).clock(clock).build();
        Instant now = clock.instant();
        for (int i = 0; i < 3; i++) {
            store.put(new PendingCode("expired-" + i, "login", "i", new byte[] {1}, ISSUED, now.minusSeconds(i), 0));
        }
        store.put(new PendingCode("live", "login", "i", new byte[] {1}, ISSUED, now.plusMillis(1), 0));
        assertEquals(2, store.purgeExpired(2));
        assertEquals(1, store.purgeExpired(2));
        assertEquals(0, store.purgeExpired(2));
        assertTrue(store.claimAttempt("live", "login").isPresent());
        assertEquals(Optional.empty(), store.claimAttempt("expired-0", "login"));
        assertThrows(IllegalArgumentException.class, () -> store.purgeExpired(0));
        assertThrows(IllegalArgumentException.class, () -> store.purgeExpired(100_001));
    }

    @Test
    void refusesAHashLongerThanItKeeps() {
        OneTimeCodeStore store = store();
        PendingCode tooLong = new PendingCode("a", "login", "i", new byte[256], ISSUED, EXPIRES, 0);
        assertThrows(IllegalArgumentException.class, () -> store.put(tooLong));
        store.put(new PendingCode(TestDatabase.account(), "login", "i", new byte[255], ISSUED, EXPIRES, 0));
    }
}
