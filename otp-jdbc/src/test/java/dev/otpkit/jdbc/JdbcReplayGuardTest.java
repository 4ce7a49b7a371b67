package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.StoreException;
import dev.otpkit.testkit.ReplayGuardContract;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's contract, and what only a database guard does, on each database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcReplayGuardTest extends ReplayGuardContract {
    /** A keepUntil 5.5 minutes after the kit's clock starts. */
    private static final Instant KEEP = Instant.parse("2026-01-01T00:05:30Z");

    @Parameter
    TestDatabase database;

    @Override
    protected ReplayGuard newGuard(Clock clock) {
        return JdbcReplayGuard.builder(database.emptiedKitTables("replay_guard")).tablePrefix(TestDatabase.KIT_TABLES)
                .clock(clock).build();
    }

    /** A guard on the shared tables; accounts from {@link TestDatabase#account()} are unknown to it. */
    private ReplayGuard sharedGuard() {
        return JdbcReplayGuard.builder(database.shared()).clock(clock()).build();
    }

    @Test
    void remembersStepsAcrossAFreshDataSource() {
        String account = TestDatabase.account();
        try (HikariDataSource first = database.newPool(2)) {
            JdbcReplayGuard.builder(first).build().tryAccept(account, "c1", 42, KEEP);
        }
        try (HikariDataSource second = database.newPool(2)) {
            ReplayGuard restarted = JdbcReplayGuard.builder(second).build();
            assertTrue(restarted.hasAccepted(account, "c1", 42));
            assertFalse(restarted.tryAccept(account, "c1", 42, KEEP));
        }
    }

    @Test
    void purgesOnlyPairsPastTheirKeepUntilInBoundedBatches() {
        String prefix = database.freshTables();
        JdbcReplayGuard guard = JdbcReplayGuard.builder(database.shared()).tablePrefix(prefix).clock(clock()).build();
        Instant now = clock().instant();
        for (int i = 0; i < 5; i++) {
            guard.tryAccept("expired-" + i, "", 1, now.minusMillis(1 + i));
        }
        guard.tryAccept("due-now", "", 1, now);
        guard.tryAccept("live", "", 1, now.plusMillis(1));
        assertEquals(4, guard.purgeExpired(4));
        assertEquals(2, guard.purgeExpired(4));
        assertEquals(0, guard.purgeExpired(4));
        assertTrue(guard.hasAccepted("live", "", 1));
        assertTrue(guard.tryAccept("due-now", "", 1, now.plus(Duration.ofMinutes(5))),
                "a purged pair starts afresh");
    }

    @Test
    void keepsTheLaterOfTwoKeepUntilTimes() {
        String prefix = database.freshTables();
        JdbcReplayGuard guard = JdbcReplayGuard.builder(database.shared()).tablePrefix(prefix).clock(clock()).build();
        Instant now = clock().instant();
        guard.tryAccept("hotp", "", 1, now.plus(Duration.ofHours(1)));
        guard.tryAccept("hotp", "", 2, now.plusSeconds(1));
        clock().advance(Duration.ofMinutes(2));
        assertEquals(0, guard.purgeExpired(10));
        assertTrue(guard.hasAccepted("hotp", "", 2));
    }

    @Test
    void keepsTablesOfOtherPrefixesApart() {
        String account = TestDatabase.account();
        sharedGuard().tryAccept(account, "", 42, KEEP);
        JdbcReplayGuard other = JdbcReplayGuard.builder(database.shared()).tablePrefix(database.freshTables()).build();
        assertTrue(other.tryAccept(account, "", 42, KEEP));
    }

    @Test
    void refusesIdsItCouldNotStoreExactlyWithoutQuotingThem() {
        ReplayGuard guard = sharedGuard();
        String secretLooking = "JBSWY3DPEHPK3PXP";
        for (String id : new String[] {secretLooking + "x".repeat(256), secretLooking + "\0", secretLooking + "\uD800",
                "\uDC00" + secretLooking}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> guard.tryAccept(id, "", 1, KEEP));
            assertFalse(refused.getMessage().contains(secretLooking), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> guard.tryAccept("a", id, 1, KEEP));
            assertThrows(IllegalArgumentException.class, () -> guard.hasAccepted(id, "", 1));
        }
    }

    @Test
    void reportsADatabaseErrorAsOneExceptionTypeWithTheCauseAndNoAccountId() {
        // Tables of a prefix never created: every statement fails in the database.
        ReplayGuard missing = JdbcReplayGuard.builder(database.shared()).tablePrefix("never_created_").build();
        String account = "alice@example.com";
        StoreException failure = assertThrows(StoreException.class,
                () -> missing.tryAccept(account, "", 1, KEEP));
        assertInstanceOf(SQLException.class, failure.getCause());
        assertTrue(failure.getMessage().startsWith("JdbcReplayGuard: the database failed (statement replay."),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(account), failure.getMessage());
    }
}
