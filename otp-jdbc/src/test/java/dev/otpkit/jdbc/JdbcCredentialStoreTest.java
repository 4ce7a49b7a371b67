package dev.otpkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.core.EnrollmentConfirmation;
import dev.otpkit.core.Enrollments;
import dev.otpkit.core.HmacAlgorithm;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.SecretSealer;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpCredential;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.UnsealException;
import dev.otpkit.testkit.MutableClock;
import dev.otpkit.testkit.Race;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class JdbcCredentialStoreTest {
    private static final SecretSealer SEALER = SecretSealer.builder().key("k1", SecretSealer.generateKey()).build();
    private static final Totp SHA256_8 = Totp.builder().algorithm(HmacAlgorithm.SHA256).digits(8)
            .period(Duration.ofSeconds(60)).t0(Instant.parse("2020-01-01T00:00:00.001Z")).build();

    @Parameter
    TestDatabase database;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    private JdbcCredentialStore store() {
        return JdbcCredentialStore.builder(database.shared(), SEALER).clock(clock).build();
    }

    private TotpVerifier verifier() {
        return TotpVerifier.builder(Totp.builder().build()).clock(clock)
                .replayGuard(JdbcReplayGuard.builder(database.shared()).build())
                .attemptLimiter(JdbcAttemptLimiter.builder(database.shared()).clock(clock).build()).build();
    }

    @Test
    void keepsACredentialWithItsParametersAndOpensItsSecret() throws UnsealException {
        JdbcCredentialStore store = store();
        String account = TestDatabase.account();
        OtpSecret secret = OtpSecret.generate();
        store.saveCredential(TotpCredential.restore("cred-1", account, secret, SHA256_8, 123));
        TotpCredential read = store.credential(account).orElseThrow();
        assertEquals("cred-1", read.id());
        assertEquals(account, read.accountId());
        assertEquals(secret, read.secret());
        assertEquals(HmacAlgorithm.SHA256, read.totp().algorithm());
        assertEquals(8, read.totp().digits());
        assertEquals(Duration.ofSeconds(60), read.totp().period());
        assertEquals(SHA256_8.t0(), read.totp().t0());
        assertEquals(123, read.confirmedStep());
        assertEquals(Optional.empty(), store.credential(account + "x"));
    }

    @Test
    void writesNoSecretInTheClear() throws SQLException {
        JdbcCredentialStore store = store();
        String account = TestDatabase.account();
        OtpSecret secret = OtpSecret.generate();
        store.saveCredential(TotpCredential.restore("cred-1", account, secret, SHA256_8, 1));
        PendingEnrollment pending = enrollments().start(account, "Example", "alice@example.com");
        store.savePending(pending);
        for (String table : List.of("totp_credential", "pending_enrollment")) {
            String sealed = sealedSecret(table, account);
            assertTrue(sealed.startsWith("v1.k1."), "sealed by the sealer");
            for (OtpSecret clear : List.of(secret, pending.secret())) {
                assertFalse(sealed.toUpperCase(Locale.ROOT).contains(clear.toBase32().substring(0, 16)));
            }
        }
    }

    @Test
    void refusesASealedSecretCopiedFromAnotherAccount() throws SQLException {
        JdbcCredentialStore store = store();
        String attacker = TestDatabase.account();
        String victim = TestDatabase.account();
        store.saveCredential(TotpCredential.restore("c-a", attacker, OtpSecret.generate(), SHA256_8, 1));
        store.saveCredential(TotpCredential.restore("c-v", victim, OtpSecret.generate(), SHA256_8, 1));
        try (Connection connection = database.shared().getConnection();
                PreparedStatement copy = connection.prepareStatement(
                        "UPDATE otpkit_totp_credential SET sealed_secret = ? WHERE account_id = ?")) {
            copy.setString(1, sealedSecret("totp_credential", attacker));
            copy.setString(2, victim);
            assertEquals(1, copy.executeUpdate());
        }
        assertThrows(UnsealException.class, () -> store.credential(victim));
    }

    @Test
    void replacesAndDeletesTheActiveCredential() throws UnsealException {
        JdbcCredentialStore store = store();
        String account = TestDatabase.account();
        store.saveCredential(TotpCredential.restore("old", account, OtpSecret.generate(), SHA256_8, 1));
        store.saveCredential(TotpCredential.restore("new", account, OtpSecret.generate(), SHA256_8, 2));
        assertEquals("new", store.credential(account).orElseThrow().id());
        assertTrue(store.deleteCredential(account));
        assertFalse(store.deleteCredential(account));
        assertEquals(Optional.empty(), store.credential(account));
    }

    @Test
    void keepsAPendingEnrolmentUntilItExpires() throws UnsealException {
        JdbcCredentialStore store = store();
        String account = TestDatabase.account();
        PendingEnrollment pending = enrollments().start(account, "Example Ltd", "alice@example.com");
        store.savePending(pending);
        PendingEnrollment read = store.pending(account).orElseThrow();
        assertEquals(pending.id(), read.id());
        assertEquals(pending.uri(), read.uri());
        assertEquals(pending.expiresAt().toEpochMilli(), read.expiresAt().toEpochMilli());
        clock.set(pending.expiresAt());
        assertEquals(Optional.empty(), store.pending(account));
    }

    @Test
    void enrolsThroughTheStoreAndLogsInFromAFreshDataSource() throws UnsealException {
        String account = TestDatabase.account();
        Enrollments enrollments = enrollments();
        store().savePending(enrollments.start(account, "Example", "alice@example.com"));
        PendingEnrollment pending = store().pending(account).orElseThrow();
        EnrollmentConfirmation confirmation = enrollments.confirm(pending,
                pending.totp().generate(pending.secret(), clock.instant()));
        TotpCredential credential = confirmation.credential().orElseThrow();
        assertTrue(store().activate(credential));
        assertEquals(Optional.empty(), store().pending(account), "the enrolment is used up");
        clock.advance(Duration.ofSeconds(30));
        try (HikariDataSource fresh = database.newPool(2)) {
            TotpCredential restored = JdbcCredentialStore.builder(fresh, SEALER).clock(clock).build()
                    .credential(account).orElseThrow();
            String code = restored.totp().generate(restored.secret(), clock.instant());
            assertTrue(verifier().verify(restored, code).isValid());
            assertFalse(verifier().verify(restored, code).isValid(), "the code is used up on every server");
        }
    }

    @Test
    void activatesAnEnrolmentOnceWhenManyCallersRace() {
        for (int round = 0; round < 3; round++) {
            JdbcCredentialStore store = store();
            String account = TestDatabase.account();
            PendingEnrollment pending = enrollments().start(account, "Example", "alice@example.com");
            store.savePending(pending);
            TotpCredential credential = TotpCredential.restore(pending.id(), account, pending.secret(),
                    pending.totp(), 5);
            List<Boolean> activated = Race.run(16, () -> store.activate(credential));
            assertEquals(1, Collections.frequency(activated, true));
        }
    }

    @Test
    void refusesToActivateAnEnrolmentReplacedByANewerOne() throws UnsealException {
        JdbcCredentialStore store = store();
        String account = TestDatabase.account();
        PendingEnrollment older = enrollments().start(account, "Example", "alice@example.com");
        store.savePending(older);
        store.savePending(enrollments().start(account, "Example", "alice@example.com"));
        assertFalse(store.activate(TotpCredential.restore(older.id(), account, older.secret(), older.totp(), 5)));
        assertEquals(Optional.empty(), store.credential(account), "nothing changed");
    }

    @Test
    void purgesExpiredEnrolmentsOnly() throws UnsealException {
        JdbcCredentialStore store = JdbcCredentialStore.builder(database.shared(), SEALER)
                .tablePrefix(database.freshTables()).clock(clock).build();
        store.savePending(enrollments().start("early", "Example", "a@example.com"));
        clock.advance(Duration.ofMinutes(5));
        store.savePending(enrollments().start("late", "Example", "b@example.com"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, store.purgeExpired(10));
        assertTrue(store.pending("late").isPresent());
        assertEquals(0, store.purgeExpired(10));
    }

    @Test
    void refusesWhatItCouldNotKeepExactly() {
        JdbcCredentialStore store = store();
        Totp subMillisecondT0 = Totp.builder().t0(Instant.ofEpochSecond(0, 1)).build();
        assertThrows(IllegalArgumentException.class, () -> store.saveCredential(
                TotpCredential.restore("c", "a", OtpSecret.generate(), subMillisecondT0, 1)));
        assertThrows(IllegalArgumentException.class, () -> store.saveCredential(
                TotpCredential.restore("c", "a".repeat(256), OtpSecret.generate(), SHA256_8, 1)));
        assertThrows(NullPointerException.class, () -> JdbcCredentialStore.builder(database.shared(), null));
    }

    private Enrollments enrollments() {
        return Enrollments.builder(verifier()).build();
    }

    private String sealedSecret(String table, String account) throws SQLException {
        try (Connection connection = database.shared().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT sealed_secret FROM otpkit_" + table + " WHERE account_id = ?")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }
}
