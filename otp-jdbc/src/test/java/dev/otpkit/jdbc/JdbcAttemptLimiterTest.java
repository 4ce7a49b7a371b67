package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.testkit.AttemptLimiterContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's contract, and what only a database limiter does, on each database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcAttemptLimiterTest extends AttemptLimiterContract {
    @Parameter
    TestDatabase database;

    @Override
    protected AttemptLimiter newLimiter(Clock clock, Policy policy) {
        return JdbcAttemptLimiter.builder(database.emptiedKitTables("attempt_limiter"))
                .tablePrefix(TestDatabase.KIT_TABLES).clock(clock).failuresBeforeLock(policy.failuresBeforeLock())
                .lockDurations(policy.firstLock(), policy.maxLock())
                .maxConsecutiveFailures(policy.maxConsecutiveFailures()).build();
    }

    @Test
    void keepsCountsAndLocksAcrossAFreshDataSource() {
        String account = TestDatabase.account();
        try (HikariDataSource first = database.newPool(2)) {
            AttemptLimiter limiter = JdbcAttemptLimiter.builder(first).clock(clock()).build();
            for (int i = 0; i < 4; i++) {
                limiter.beginAttempt(account);
            }
        }
        try (HikariDataSource second = database.newPool(2)) {
            AttemptLimiter restarted = JdbcAttemptLimiter.builder(second).clock(clock()).build();
            Instant lockEnd = clock().instant().plus(Duration.ofMinutes(15));
            assertEquals(AttemptLimiter.Attempt.proceedAndLock(lockEnd), restarted.beginAttempt(account),
                    "the fifth failure starts the lock");
            assertEquals(AttemptLimiter.Attempt.refuse(lockEnd), restarted.beginAttempt(account));
        }
    }

    @Test
    void refusesPolicySettingsOutOfRangeAtOnce() {
        JdbcAttemptLimiter.Builder builder = JdbcAttemptLimiter.builder(database.shared());
        assertThrows(IllegalArgumentException.class, () -> builder.failuresBeforeLock(0));
        assertThrows(IllegalArgumentException.class, () -> builder.failuresBeforeLock(101));
        assertThrows(IllegalArgumentException.class, () -> builder.maxConsecutiveFailures(101));
        assertThrows(IllegalArgumentException.class,
                () -> builder.lockDurations(Duration.ofMillis(999), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class,
                () -> builder.lockDurations(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class,
                () -> builder.lockDurations(Duration.ofMinutes(2), Duration.ofDays(366)));
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> builder.failuresBeforeLock(10).maxConsecutiveFailures(9).build());
        assertTrue(mismatch.getMessage().contains("at least failuresBeforeLock"), mismatch.getMessage());
    }

    @Test
    void describesItsPolicy() {
        assertEquals("JdbcAttemptLimiter[5 failures lock 900 s doubling to 86400 s, stuck after 100]",
                JdbcAttemptLimiter.builder(database.shared()).build().toString());
    }
}
