package dev.otpkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.jdbc.OtpkitSchema;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The logins {@link JdbcVerifyBenchmark} measures stay within the round trips the issue allows
 * (a successful login at most 3 statements, a failed one at most 2) on H2 and PostgreSQL, each
 * login has the outcome it is credited with ({@link JdbcLogins} throws otherwise), and
 * {@link BareUpdateBaseline} runs exactly as many statements as it is told.
 */
class JdbcVerifyBenchmarkTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static Map<String, DatabaseServer> servers;
    private static Map<String, HikariDataSource> pools;

    @BeforeAll
    static void startDatabases() throws SQLException {
        DatabaseServer h2 = DatabaseServer.start(DatabaseServer.H2);
        DatabaseServer postgresql = DatabaseServer.start(DatabaseServer.POSTGRESQL);
        servers = Map.of(DatabaseServer.H2, h2, DatabaseServer.POSTGRESQL, postgresql);
        pools = Map.of(DatabaseServer.H2, h2.pool(2), DatabaseServer.POSTGRESQL, postgresql.pool(2));
        for (HikariDataSource pool : pools.values()) {
            OtpkitSchema.create(pool);
            BareUpdateBaseline.createTable(pool);
        }
    }

    @AfterAll
    static void stopDatabases() {
        pools.values().forEach(HikariDataSource::close);
        servers.values().forEach(DatabaseServer::close);
    }

    @ParameterizedTest(name = "{0}, {1} code, seeded {2}: at most {3}")
    @CsvSource({
        "h2, right, true, 3",
        "h2, right, false, 3",
        "h2, wrong, true, 2",
        "h2, wrong, false, 2",
        "postgresql, right, true, 3",
        "postgresql, right, false, 3",
        "postgresql, wrong, true, 2",
        "postgresql, wrong, false, 2",
    })
    void loginsStayWithinTheirRoundTrips(String database, String login, boolean seeded, int most) {
        RoundTrips trips = roundTrips(database, login, seeded);
        assertTrue(trips.statements() <= most, () -> trips.statements() + " statements per login");
        assertEquals(0, trips.transactionControl(), "commits, rollbacks and auto-commit switches per login");
    }

    @ParameterizedTest(name = "{0}, {1} code, seeded {2}: {3}")
    @CsvSource({
        "h2, right, true, 3",
        "h2, right, false, 3",
        "h2, wrong, true, 1",
        "h2, wrong, false, 1",
        "postgresql, right, true, 3",
        "postgresql, right, false, 3",
        "postgresql, wrong, true, 1",
        "postgresql, wrong, false, 1",
    })
    void countsEveryStatementOfALogin(String database, String login, boolean seeded, double statements) {
        assertEquals(statements, roundTrips(database, login, seeded).statements());
    }

    @ParameterizedTest(name = "{0} statements, {1} key")
    @CsvSource({"1, varchar", "2, varchar", "3, varchar", "1, bigint", "3, bigint"})
    void baselineRunsAsManySingleRowUpdatesAsItIsTold(int statements, String key) throws SQLException {
        for (String database : pools.keySet()) {
            CountingDataSource counting = new CountingDataSource(pools.get(database));
            BareUpdateBaseline baseline = new BareUpdateBaseline();
            baseline.statements = statements;
            baseline.key = key;
            baseline.setUp(counting.dataSource(), statements - 1, 3);
            counting.reset();
            for (int i = 0; i < 10; i++) {
                assertEquals(statements, baseline.update(), database + ": rows changed");
            }
            assertEquals(10L * statements, counting.statements(), database + ": statements");
            assertEquals(0, counting.transactionControl(), database + ": transaction control");
        }
    }

    private static RoundTrips roundTrips(String database, String login, boolean seeded) {
        return RoundTrips.perLogin(pools.get(database), JdbcLogins.Kind.of(login), seeded,
                "p" + PREFIXES.incrementAndGet() + "-");
    }
}
