package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.StoreException;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import dev.otpkit.testkit.MutableClock;
import dev.otpkit.testkit.Race;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database that goes away while the application uses it: connections killed in the middle of
 * a race, the server stopped and started again. A verification whose store failed throws and is
 * never valid, a valid one always left its step recorded, no failure counted before the fault is
 * lost, and the same application objects work again once the database is back. Each subclass
 * runs a server of its own, so the faults touch no other test.
 */
abstract class DatabaseFaultsContract {
    private static final int THREADS = 32;
    private static final int ROUNDS = 10;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final Totp totp = Totp.builder().build();
    private HikariDataSource pool;
    private ReplayGuard guard;
    private AttemptLimiter limiter;
    private TotpVerifier verifier;

    /** The JDBC URL of the server under test, as it is now. */
    abstract String jdbcUrl();

    abstract String user();

    /** Kills every connection of the application's pool from the server's side. */
    abstract void killApplicationConnections(Connection admin) throws SQLException;

    abstract void stopServer();

    abstract void startServer();

    @BeforeEach
    void buildApplication() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(2_000);
        config.setPoolName("faults");
        pool = new HikariDataSource(config);
        OtpkitSchema.create(pool);
        guard = JdbcReplayGuard.builder(pool).build();
        limiter = JdbcAttemptLimiter.builder(pool).clock(clock).build();
        verifier = TotpVerifier.builder(totp).clock(clock).replayGuard(guard).attemptLimiter(limiter).build();
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void killedConnectionsNeverMakeAVerificationValidWithoutItsStep() throws SQLException {
        for (int round = 0; round < ROUNDS; round++) {
            String account = TestDatabase.account();
            OtpSecret secret = OtpSecret.generate();
            String code = totp.generate(secret, clock.instant());
            List<Object> outcomes = raceWhileKilling(() -> verifier.verify(account, secret, code));
            long valid = outcomes.stream().filter(o -> o instanceof Verification && ((Verification) o).isValid())
                    .count();
            assertTrue(valid <= 1, "at most one VALID: " + outcomes);
            if (valid == 1) {
                assertTrue(recovered(() -> guard.hasAccepted(account, ReplayGuard.ACCOUNT_AUTHENTICATOR,
                        totp.step(clock.instant()))), "a VALID verification left its step recorded");
            }
            outcomes.stream().filter(o -> o instanceof Exception)
                    .forEach(failure -> assertIsStoreFailure((Exception) failure, account, code));
        }
        assertTrue(recoveredLogin(), "the application works again once its connections are back");
    }

    @Test
    void killedConnectionsLoseNoCountedFailure() throws SQLException {
        for (int round = 0; round < ROUNDS; round++) {
            String account = TestDatabase.account();
            OtpSecret secret = OtpSecret.generate();
            String wrong = totp.generate(secret, clock.instant()).equals("000000") ? "000001" : "000000";
            List<Object> outcomes = raceWhileKilling(() -> verifier.verify(account, secret, wrong));
            long compared = outcomes.stream()
                    .filter(o -> o instanceof Verification && ((Verification) o).status() == Verification.Status.INVALID)
                    .count();
            int proceedingAfter = recovered(() -> {
                int proceeded = 0;
                while (limiter.beginAttempt(account).proceeds()) {
                    proceeded++;
                }
                return proceeded;
            });
            assertTrue(compared + proceedingAfter <= AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK,
                    "every compared guess stayed counted: " + compared + " compared, " + proceedingAfter + " after");
        }
    }

    @Test
    void aStoppedServerFailsVerificationsAndCountsResumeWhereTheyWere() {
        String account = TestDatabase.account();
        OtpSecret secret = OtpSecret.generate();
        String right = totp.generate(secret, clock.instant());
        String wrong = right.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 3; i++) {
            assertEquals(Verification.Status.INVALID, verifier.verify(account, secret, wrong).status());
        }
        stopServer();
        try {
            for (String code : List.of(right, wrong)) {
                StoreException failure = assertThrows(StoreException.class,
                        () -> verifier.verify(account, secret, code));
                assertIsStoreFailure(failure, account, code);
            }
        } finally {
            startServer();
        }
        recovered(() -> {
            limiter.recordSuccess("warm-up");
            return true;
        });
        assertEquals(Verification.Status.INVALID, verifier.verify(account, secret, wrong).status(), "4th failure");
        assertEquals(Verification.Status.INVALID, verifier.verify(account, secret, wrong).status(), "5th failure");
        assertEquals(Verification.Status.LOCKED, verifier.verify(account, secret, right).status(),
                "the three failures before the stop still count");
        assertTrue(recoveredLogin());
    }

    private List<Object> raceWhileKilling(Supplier<Object> verification) throws SQLException {
        AtomicBoolean racing = new AtomicBoolean(true);
        try (Connection admin = DriverManager.getConnection(jdbcUrl(), user(), "")) {
            Thread killer = new Thread(() -> {
                try {
                    for (int kills = 0; kills < 3 && racing.get(); kills++) {
                        killApplicationConnections(admin);
                        Thread.sleep(2);
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            List<Object> outcomes = Race.run(THREADS, () -> {
                try {
                    return verification.get();
                } catch (StoreException failure) {
                    return failure;
                }
            });
            racing.set(false);
            try {
                killer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ArrayList<>(outcomes);
        }
    }

    private boolean recoveredLogin() {
        String account = TestDatabase.account();
        OtpSecret secret = OtpSecret.generate();
        return recovered(() -> verifier.verify(account, secret, totp.generate(secret, clock.instant())).isValid());
    }

    /** Runs an action until the pool has replaced its broken connections; a failed try changed nothing. */
    private static <T> T recovered(Supplier<T> action) {
        StoreException last = null;
        for (int tries = 0; tries < 40; tries++) {
            try {
                return action.get();
            } catch (StoreException e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        throw new AssertionError("the store did not recover in 10 s", last);
    }

    private static void assertIsStoreFailure(Exception failure, String account, String code) {
        assertInstanceOf(StoreException.class, failure);
        assertInstanceOf(SQLException.class, failure.getCause(), () -> "the cause of " + failure);
        assertTrue(failure.getMessage().startsWith("Jdbc"), failure.getMessage());
        assertFalse(failure.getMessage().contains(account), failure.getMessage());
        assertFalse(failure.getMessage().contains(code), failure.getMessage());
    }
}
