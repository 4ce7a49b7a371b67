package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.backup.Argon2idCost;
import dev.otpkit.backup.BackupCodeSet;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.IssuedCode;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.testkit.MutableClock;
import dev.otpkit.testkit.Race;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many servers, one database: four application servers, each with its own connection pool and
 * its own verifiers and stores, share the database, and 64 threads spread over them race for the
 * same code. Whatever the interleaving, exactly one wins, and a fresh account's wrong guesses
 * get exactly as many comparisons as the limiter allows.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyServersRaceTest {
    private static final int SERVERS = 4;
    private static final int THREADS = 64;
    private static final int ROUNDS = 100;
    private static final byte[] HASH_KEY = "a key all servers share, 32 bytes or more".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    @Parameter
    TestDatabase database;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final Totp totp = Totp.builder().build();
    private final List<Server> servers = new ArrayList<>();

    /** One application server: a pool of its own and everything built on it. */
    private final class Server {
        final HikariDataSource pool = database.newPool(THREADS / SERVERS);
        final TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock)
                .replayGuard(JdbcReplayGuard.builder(pool).clock(clock).build())
                .attemptLimiter(JdbcAttemptLimiter.builder(pool).clock(clock).build()).build();
        final OneTimeCodes oneTimeCodes = OneTimeCodes.builder().clock(clock).hashKey(HASH_KEY)
                .store(JdbcOneTimeCodeStore.builder(pool).clock(clock).build()).build();
        final BackupCodes backupCodes = BackupCodes.builder().cost(Argon2idCost.forTesting(64, 1, 1))
                .store(JdbcBackupCodeStore.builder(pool).build())
                .attemptLimiter(JdbcAttemptLimiter.builder(pool).clock(clock).build()).build();
    }

    @BeforeParameterizedClassInvocation
    void startServers(TestDatabase database) {
        this.database = database;
        database.shared();   // the tables
        for (int i = 0; i < SERVERS; i++) {
            servers.add(new Server());
        }
    }

    @AfterParameterizedClassInvocation
    void stopServers() {
        servers.forEach(server -> server.pool.close());
        servers.clear();
    }

    private Map<String, Long> race(Function<Server, Object> verify) {
        AtomicInteger racers = new AtomicInteger();
        return Race.run(THREADS, () -> verify.apply(servers.get(racers.getAndIncrement() % SERVERS))).stream()
                .collect(Collectors.groupingBy(Object::toString, Collectors.counting()));
    }

    private static long count(Map<String, Long> outcomes, String status) {
        return outcomes.getOrDefault(status, 0L);
    }

    @Test
    void acceptsOneRightTotpCodeOncePerRound() {
        for (int round = 0; round < ROUNDS; round++) {
            String account = TestDatabase.account();
            OtpSecret secret = OtpSecret.generate();
            String code = totp.generate(secret, clock.instant());
            Map<String, Long> outcomes = race(server -> server.verifier.verify(account, secret, code).status());
            assertEquals(1, count(outcomes, "VALID"), () -> "round outcomes " + outcomes);
        }
    }

    @Test
    void comparesExactlyTheAllowedWrongGuessesBeforeLocking() {
        for (int round = 0; round < ROUNDS / 5; round++) {
            String account = TestDatabase.account();
            OtpSecret secret = OtpSecret.generate();
            String right = totp.generate(secret, clock.instant());
            String wrong = right.equals("000000") ? "000001" : "000000";
            Map<String, Long> outcomes = race(server -> server.verifier.verify(account, secret, wrong).status());
            assertEquals(AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK, count(outcomes, "INVALID"), outcomes::toString);
            assertEquals(THREADS - AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK, count(outcomes, "LOCKED"),
                    outcomes::toString);
        }
    }

    @Test
    void acceptsOneEmailCodeOnce() {
        for (int round = 0; round < ROUNDS / 5; round++) {
            String account = TestDatabase.account();
            IssuedCode issued = servers.get(round % SERVERS).oneTimeCodes.issue(account, "login");
            Map<String, Long> outcomes = race(server -> server.oneTimeCodes.verify(account, "login", issued.code())
                    .status());
            assertEquals(1, count(outcomes, "VALID"), outcomes::toString);
        }
    }

    @Test
    void acceptsOneBackupCodeOnce() {
        for (int round = 0; round < ROUNDS / 10; round++) {
            String account = TestDatabase.account();
            BackupCodeSet set = servers.get(round % SERVERS).backupCodes.generate(account);
            String code = set.codes().get(round % set.codes().size());
            Map<String, Long> outcomes = race(server -> server.backupCodes.verify(account, code).status());
            assertEquals(1, count(outcomes, "VALID"), outcomes::toString);
            assertEquals(set.codes().size() - 1, servers.get(0).backupCodes.remaining(account));
        }
    }
}
