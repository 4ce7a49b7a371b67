package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import dev.otpkit.testkit.OneTimeCodeStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's contract, and what only a database store does, on each database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcOneTimeCodeStoreTest extends OneTimeCodeStoreContract {
    /** Instants with milliseconds, which the kit's whole seconds do not show. */
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00.123Z");
    private static final Instant EXPIRES = Instant.parse("2026-01-01T00:10:00.987Z");

    @Parameter
    TestDatabase database;

    @Override
    protected OneTimeCodeStore newStore(Clock clock) {
        return JdbcOneTimeCodeStore.builder(database.emptiedKitTables("one_time_code"))
                .tablePrefix(TestDatabase.KIT_TABLES).clock(clock).build();
    }

    /** A store on the shared tables; accounts from {@link TestDatabase#account()} have no code in it. */
    private OneTimeCodeStore sharedStore() {
        return JdbcOneTimeCodeStore.builder(database.shared()).clock(clock()).build();
    }

    private static PendingCode pending(String account, byte[] hash, Instant expiresAt) {
        return new PendingCode(account, "login", "issue-1", hash, ISSUED, expiresAt, 0);
    }

    @Test
    void keepsCodesAcrossAFreshDataSource() {
        String account = TestDatabase.account();
        try (HikariDataSource first = database.newPool(2)) {
            JdbcOneTimeCodeStore.builder(first).build().put(pending(account, new byte[] {7}, EXPIRES));
        }
        try (HikariDataSource second = database.newPool(2)) {
            OneTimeCodeStore restarted = JdbcOneTimeCodeStore.builder(second).clock(clock()).build();
            assertEquals("issue-1", restarted.claimAttempt(account, "login").orElseThrow().issueId());
        }
    }

    @Test
    void keepsTheMillisecondsOfItsInstants() {
        OneTimeCodeStore store = sharedStore();
        String account = TestDatabase.account();
        store.put(pending(account, new byte[] {7}, EXPIRES));
        PendingCode claimed = store.claimAttempt(account, "login").orElseThrow();
        assertEquals(ISSUED, claimed.issuedAt());
        assertEquals(EXPIRES, claimed.expiresAt());
    }

    @Test
    void purgesOnlyExpiredCodesInBoundedBatches() {
        JdbcOneTimeCodeStore store = JdbcOneTimeCodeStore.builder(database.shared())
                .tablePrefix(database.freshTables()).clock(clock()).build();
        Instant now = clock().instant();
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
        OneTimeCodeStore store = sharedStore();
        assertThrows(IllegalArgumentException.class, () -> store.put(pending("a", new byte[256], EXPIRES)));
        store.put(pending(TestDatabase.account(), new byte[255], EXPIRES));
    }
}
