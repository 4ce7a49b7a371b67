package dev.otpkit.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.SecretSealer;
import dev.otpkit.jdbc.JdbcAttemptLimiter;
import dev.otpkit.jdbc.JdbcBackupCodeStore;
import dev.otpkit.jdbc.JdbcCredentialStore;
import dev.otpkit.jdbc.JdbcOneTimeCodeStore;
import dev.otpkit.jdbc.JdbcReplayGuard;
import dev.otpkit.jdbc.OtpkitSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.otpkit.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;

/**
 * The same sign-in flows with every store in PostgreSQL (a real server from Maven Central's
 * binaries, started as otp-jdbc's tests start it) through otp-jdbc.
 */
@SpringJUnitWebConfig({TestApp.class, OtpLoginPostgresTest.Postgres.class})
class OtpLoginPostgresTest extends OtpLoginFlows {
    @Configuration
    static class Postgres {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres server() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres server) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(4);
            HikariDataSource pool = new HikariDataSource(config);
            OtpkitSchema.create(pool);
            return pool;
        }

        @Bean
        TestApp.Stores stores(DataSource dataSource) {
            SecretSealer sealer = SecretSealer.builder().key("k1", SecretSealer.generateKey()).build();
            return new TestApp.Stores() {
                @Override
                public ReplayGuard replayGuard(MutableClock clock) {
                    return JdbcReplayGuard.builder(dataSource).clock(clock).build();
                }

                @Override
                public AttemptLimiter attemptLimiter(MutableClock clock) {
                    return JdbcAttemptLimiter.builder(dataSource).clock(clock).build();
                }

                @Override
                public TotpCredentialRepository credentials(MutableClock clock) {
                    return new JdbcTotpCredentialRepository(
                            JdbcCredentialStore.builder(dataSource, sealer).clock(clock).build());
                }

                @Override
                public BackupCodeStore backupCodeStore() {
                    return JdbcBackupCodeStore.builder(dataSource).build();
                }

                @Override
                public OneTimeCodeStore oneTimeCodeStore(MutableClock clock) {
                    return JdbcOneTimeCodeStore.builder(dataSource).clock(clock).build();
                }
            };
        }
    }
}
