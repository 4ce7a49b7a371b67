package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The statements a TOTP login sends, as the README's round-trip table states them, counted
 * through a data source that counts every {@code execute...} call: on PostgreSQL and H2 a right
 * code is 3 (count, accept, clear) and a wrong one 1, first logins included; MySQL and MariaDB,
 * without a conditional upsert, take a fourth at a pair's first acceptance and a second once the
 * account has failures.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class VerifyRoundTripsTest {
    private static final Totp TOTP = Totp.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:15Z");

    @Parameter
    TestDatabase database;

    private final OtpSecret secret = OtpSecret.generate();
    private final String account = TestDatabase.account();
    private final AtomicInteger statements = new AtomicInteger();

    @Test
    void rightCodeAtAnAccountsFirstLoginTakesThreeStatementsWhereTheUpsertIsConditional() {
        assertEquals(Verification.Status.VALID, login(0, rightCode(0)));
        assertEquals(database == TestDatabase.MARIADB ? 4 : 3, statements.get());
    }

    @Test
    void rightCodeAfterAnAcceptedStepTakesThreeStatements() {
        login(0, rightCode(0));
        statements.set(0);
        assertEquals(Verification.Status.VALID, login(1, rightCode(1)));
        assertEquals(3, statements.get());
    }

    @Test
    void wrongCodeTakesOneStatementWhereTheUpsertIsConditional() {
        assertEquals(Verification.Status.INVALID, login(0, wrongCode()));
        assertEquals(1, statements.get(), "first failure");
        statements.set(0);
        assertEquals(Verification.Status.INVALID, login(0, wrongCode()));
        assertEquals(database == TestDatabase.MARIADB ? 2 : 1, statements.get(), "second failure");
    }

    private Verification.Status login(int step, String code) {
        Clock clock = Clock.fixed(NOW.plusSeconds(30L * step), ZoneOffset.UTC);
        DataSource counting = counting(database.shared());
        TotpVerifier verifier = TotpVerifier.builder(TOTP).clock(clock)
                .replayGuard(JdbcReplayGuard.builder(counting).clock(clock).build())
                .attemptLimiter(JdbcAttemptLimiter.builder(counting).clock(clock).build())
                .build();
        return verifier.verify(account, secret, code).status();
    }

    private String rightCode(int step) {
        return TOTP.generate(secret, NOW.plusSeconds(30L * step));
    }

    /** A code of none of the steps a login at step 0 accepts. */
    private String wrongCode() {
        for (int candidate = 0;; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            boolean matches = false;
            for (int step = -1; step <= 1; step++) {
                matches |= code.equals(rightCode(step));
            }
            if (!matches) {
                return code;
            }
        }
    }

    /** The data source, its connections and their statements, counting each statement run. */
    private DataSource counting(DataSource dataSource) {
        return proxy(DataSource.class, dataSource);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection) {
                return proxy(Connection.class, (Connection) result);
            }
            if (result instanceof PreparedStatement) {
                return proxy(PreparedStatement.class, (PreparedStatement) result);
            }
            return result instanceof Statement ? proxy(Statement.class, (Statement) result) : result;
        });
    }
}
