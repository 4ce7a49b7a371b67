package dev.otpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.Enrollments;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.SecretSealer;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.jdbc.JdbcAttemptLimiter;
import dev.otpkit.jdbc.JdbcReplayGuard;
import dev.otpkit.spring.JdbcTotpCredentialRepository;
import dev.otpkit.spring.OtpkitMetrics;
import dev.otpkit.spring.SecurityEventPublisher;
import dev.otpkit.spring.TotpCredentialRepository;
import dev.otpkit.spring.TotpEnrollmentService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.PayloadApplicationEvent;

class OtpkitAutoConfigurationTest {
    /** What the auto-configuration logs (through commons-logging to java.util.logging). */
    private final java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Handler logHandler = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            log.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @org.junit.jupiter.api.BeforeEach
    void captureLog() {
        java.util.logging.Logger.getLogger(OtpkitAutoConfiguration.class.getName()).addHandler(logHandler);
    }

    @org.junit.jupiter.api.AfterEach
    void releaseLog() {
        java.util.logging.Logger.getLogger(OtpkitAutoConfiguration.class.getName()).removeHandler(logHandler);
    }

    private static final String KEY = Base64.getEncoder().encodeToString(SecretSealer.generateKey());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpkitAutoConfiguration.class));

    @Test
    void withoutDataSourceMakesEveryServiceOnInMemoryStoresAndWarnsTheyAreForOneInstance() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            for (Class<?> service : new Class<?>[] {TotpVerifier.class, BackupCodes.class, OneTimeCodes.class,
                Enrollments.class, TotpEnrollmentService.class, ReplayGuard.class, AttemptLimiter.class,
                OneTimeCodeStore.class, BackupCodeStore.class, TotpCredentialRepository.class}) {
                assertThat(context).hasSingleBean(service);
            }
            assertThat(context.getBean(TotpCredentialRepository.class).toString()).contains("inMemory");
            assertThat(context).doesNotHaveBean(SecretSealer.class);
        });
        assertThat(log).anyMatch(line -> line.startsWith("WARNING otpkit keeps its state in memory")
                && line.contains("one instance only"));
    }

    @Test
    void withDataSourceUsesTheJdbcStoresAndCreatesTheSchemaOnRequest() {
        runner.withBean(DataSource.class, OtpkitAutoConfigurationTest::h2)
                .withPropertyValues("otpkit.sealing.keys.k1=" + KEY, "otpkit.email-code.hash-key=" + KEY,
                        "otpkit.jdbc.initialize-schema=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBean(ReplayGuard.class).isInstanceOf(JdbcReplayGuard.class);
                    assertThat(context).getBean(AttemptLimiter.class).isInstanceOf(JdbcAttemptLimiter.class);
                    assertThat(context).getBean(TotpCredentialRepository.class)
                            .isInstanceOf(JdbcTotpCredentialRepository.class);
                    assertThat(tables(context.getBean(DataSource.class))).contains("OTPKIT_REPLAY_GUARD", "OTPKIT_TOTP_CREDENTIAL");
                    // The stores work on the created tables.
                    assertThat(context.getBean(OneTimeCodes.class).issue("alice", "login").code()).hasSize(6);
                });
        assertThat(log).noneMatch(line -> line.contains("otpkit keeps its state in memory"));
    }

    @Test
    void withDataSourceCreatesNoSchemaUnlessAsked() {
        runner.withBean(DataSource.class, OtpkitAutoConfigurationTest::h2)
                .withPropertyValues("otpkit.sealing.keys.k1=" + KEY, "otpkit.email-code.hash-key=" + KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(tables(context.getBean(DataSource.class))).noneMatch(t -> t.startsWith("OTPKIT_"));
                });
    }

    @Test
    void failsStartUpClearlyWithoutSealingKey() {
        runner.withBean(DataSource.class, OtpkitAutoConfigurationTest::h2)
                .withPropertyValues("otpkit.email-code.hash-key=" + KEY).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("otpkit has no sealing key")
                            .hasMessageContaining("otpkit.sealing.keys.<id>")
                            .hasMessageContaining("otpkit.dev-mode=true");
                });
    }

    @Test
    void failsStartUpClearlyWithoutEmailHashKey() {
        runner.withBean(DataSource.class, OtpkitAutoConfigurationTest::h2)
                .withPropertyValues("otpkit.sealing.keys.k1=" + KEY).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("otpkit.email-code.hash-key");
                });
    }

    @Test
    void startsWithThrowawayKeysInDevelopmentModeOnly() {
        runner.withBean(DataSource.class, OtpkitAutoConfigurationTest::h2).withPropertyValues("otpkit.dev-mode=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SecretSealer.class));
        assertThat(log).anyMatch(line -> line.startsWith("WARNING otpkit.dev-mode: sealing TOTP secrets"));
    }

    @Test
    void refusesSeveralSealingKeysWithoutTheCurrentOne() {
        runner.withBean(DataSource.class, OtpkitAutoConfigurationTest::h2)
                .withPropertyValues("otpkit.sealing.keys.k1=" + KEY, "otpkit.sealing.keys.k2=" + KEY,
                        "otpkit.email-code.hash-key=" + KEY)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("otpkit.sealing.current-key-id"));
    }

    @Test
    void userBeanReplacesTheDefault() {
        TotpVerifier own = TotpVerifier.builder(Totp.builder().digits(8).build()).build();
        runner.withBean(TotpVerifier.class, () -> own).run(context -> {
            assertThat(context).getBean(TotpVerifier.class).isSameAs(own);
            assertThat(context.getBean(Enrollments.class).toString()).contains("8 digits");
        });
    }

    @Test
    void appliesTheProperties() {
        runner.withPropertyValues("otpkit.totp.digits=8", "otpkit.totp.period=60s", "otpkit.issuer=Example")
                .run(context -> {
                    assertThat(context.getBean(TotpVerifier.class).totp())
                            .isEqualTo(Totp.builder().digits(8).period(java.time.Duration.ofSeconds(60)).build());
                    assertThat(context.getBean(TotpEnrollmentService.class).toString()).contains("issuer Example");
                });
    }

    @Test
    void countsVerificationsWhenThereIsAMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(OtpkitMetrics.class));
    }

    @Test
    void publishesSecurityEventsAsApplicationEventsAndCountsThem() {
        java.util.List<SecurityEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("recorder", org.springframework.context.ApplicationListener.class,
                        () -> (org.springframework.context.ApplicationListener<PayloadApplicationEvent<SecurityEvent>>)
                                event -> received.add(event.getPayload()))
                .run(context -> {
                    assertThat(context).hasSingleBean(SecurityEventPublisher.class);
                    context.getBean(TotpVerifier.class).verify("alice", OtpSecret.generate(), "000000");

                    assertThat(received).extracting(SecurityEvent::kind)
                            .containsExactly(SecurityEvent.Kind.SECOND_FACTOR_FAILED);
                    assertThat(context.getBean(MeterRegistry.class).counter(OtpkitMetrics.SECURITY_EVENTS, "kind",
                            "second_factor_failed").count()).isEqualTo(1);
                });
    }

    @Test
    void reportsSecurityEventsToTheApplicationsOwnListener() {
        java.util.List<SecurityEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.withBean(SecurityEventListener.class, () -> received::add).run(context -> {
            assertThat(context).doesNotHaveBean(SecurityEventPublisher.class);
            context.getBean(TotpVerifier.class).verify("alice", OtpSecret.generate(), "000000");
            assertThat(received).extracting(SecurityEvent::accountId).containsExactly("alice");
        });
    }

    @Test
    void makesNoMetricsWithoutAMeterRegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OtpkitMetrics.class));
    }

    @Test
    void makesNoMetricsWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OtpkitMetrics.class);
        });
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static java.util.List<String> tables(DataSource dataSource) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }
}
