package dev.otpkit.spring.boot;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.Enrollments;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.SecretSealer;
import dev.otpkit.core.SecurityEventListener;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.jdbc.JdbcAttemptLimiter;
import dev.otpkit.jdbc.JdbcBackupCodeStore;
import dev.otpkit.jdbc.JdbcCredentialStore;
import dev.otpkit.jdbc.JdbcOneTimeCodeStore;
import dev.otpkit.jdbc.JdbcReplayGuard;
import dev.otpkit.jdbc.OtpkitSchema;
import dev.otpkit.spring.JdbcTotpCredentialRepository;
import dev.otpkit.spring.OtpkitMetrics;
import dev.otpkit.spring.SecurityEventPublisher;
import dev.otpkit.spring.TotpCredentialRepository;
import dev.otpkit.spring.TotpEnrollmentService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every otpkit service as a bean, each replaced by an application bean of its type: the stores
 * (otp-jdbc's on the application's {@code DataSource}, in memory without one), the
 * {@link TotpVerifier}, {@link BackupCodes}, {@link OneTimeCodes}, {@link Enrollments} and the
 * {@link TotpEnrollmentService}, set from {@link OtpkitProperties}. The clock is the application's
 * {@link Clock} bean if it has one, else the system clock.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"})
@EnableConfigurationProperties(OtpkitProperties.class)
public class OtpkitAutoConfiguration {
    private static final Log LOG = LogFactory.getLog(OtpkitAutoConfiguration.class);

    /** Creates the auto-configuration; Spring calls it. */
    public OtpkitAutoConfiguration() {
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Publishes otpkit's security events as Spring application events, unless the application
     * has a listener of its own.
     *
     * @param publisher the application context
     * @return the listener every service reports to
     */
    @Bean
    @ConditionalOnMissingBean(SecurityEventListener.class)
    public SecurityEventPublisher otpkitSecurityEventPublisher(ApplicationEventPublisher publisher) {
        return new SecurityEventPublisher(publisher);
    }

    /**
     * The TOTP verifier of logins, with the replay guard and the attempt limiter.
     *
     * @param properties the settings
     * @param replayGuard the replay guard
     * @param attemptLimiter the attempt limiter
     * @param events where security events go
     * @param clock the application's clock, if any
     * @return the verifier
     */
    @Bean
    @ConditionalOnMissingBean
    public TotpVerifier otpkitTotpVerifier(OtpkitProperties properties, ReplayGuard replayGuard,
            AttemptLimiter attemptLimiter, SecurityEventListener events, ObjectProvider<Clock> clock) {
        OtpkitProperties.Totp totp = properties.totp();
        Totp codes = Totp.builder().algorithm(totp.algorithm()).digits(totp.digits()).period(totp.period()).build();
        return TotpVerifier.builder(codes).window(totp.windowBehind(), totp.windowAhead()).clock(clock(clock))
                .replayGuard(replayGuard).attemptLimiter(attemptLimiter).eventListener(events).build();
    }

    /**
     * Backup codes, counted by the same attempt limiter as TOTP codes (they are its fallback).
     *
     * @param properties the settings
     * @param store where the hashes live
     * @param attemptLimiter the attempt limiter
     * @param events where security events go
     * @param clock the application's clock, if any
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public BackupCodes otpkitBackupCodes(OtpkitProperties properties, BackupCodeStore store,
            AttemptLimiter attemptLimiter, SecurityEventListener events, ObjectProvider<Clock> clock) {
        return BackupCodes.builder().count(properties.backupCodes().count()).store(store)
                .attemptLimiter(attemptLimiter).clock(clock(clock)).eventListener(events).build();
    }

    /**
     * Email/SMS codes.
     *
     * @param properties the settings
     * @param store where pending codes live
     * @param hashKey the key of the codes' hashes, if the store needs one
     * @param events where security events go
     * @param clock the application's clock, if any
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public OneTimeCodes otpkitOneTimeCodes(OtpkitProperties properties, OneTimeCodeStore store,
            ObjectProvider<EmailCodeHashKey> hashKey, SecurityEventListener events, ObjectProvider<Clock> clock) {
        OtpkitProperties.EmailCode email = properties.emailCode();
        OneTimeCodes.Builder codes = OneTimeCodes.builder().clock(clock(clock)).ttl(email.ttl()).digits(email.digits())
                .maxAttempts(email.maxAttempts()).store(store).eventListener(events);
        EmailCodeHashKey key = hashKey.getIfAvailable();
        if (key != null) {
            codes.hashKey(key.bytes());
        }
        return codes.build();
    }

    /**
     * Enrolments, confirmed through the login verifier.
     *
     * @param properties the settings
     * @param verifier the login verifier
     * @param events where security events go
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public Enrollments otpkitEnrollments(OtpkitProperties properties, TotpVerifier verifier,
            SecurityEventListener events) {
        return Enrollments.builder(verifier).ttl(properties.enrollment().ttl()).eventListener(events).build();
    }

    /**
     * The enrolment flow of otp-spring's pages.
     *
     * @param properties the settings
     * @param enrollments the enrolments
     * @param credentials where credentials live
     * @param backupCodes the backup codes shown at enrolment
     * @param clock the application's clock, if any
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public TotpEnrollmentService otpkitTotpEnrollmentService(OtpkitProperties properties, Enrollments enrollments,
            TotpCredentialRepository credentials, BackupCodes backupCodes, ObjectProvider<Clock> clock) {
        return TotpEnrollmentService.builder(enrollments, credentials).issuer(properties.issuer())
                .backupCodes(backupCodes).clock(clock(clock)).build();
    }

    /** Micrometer counters, when the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        OtpkitMetrics otpkitMetrics(MeterRegistry registry) {
            return new OtpkitMetrics(registry);
        }
    }

    /** The key of email codes' hashes in the database (a bean, so that it is checked at start-up). */
    record EmailCodeHashKey(byte[] bytes) {
    }

    /** otp-jdbc's stores on the application's {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class JdbcStores {
        @Bean
        @ConditionalOnMissingBean
        SecretSealer otpkitSecretSealer(OtpkitProperties properties, SecurityEventListener events) {
            return Keys.sealer(properties, events);
        }

        @Bean
        EmailCodeHashKey otpkitEmailCodeHashKey(OtpkitProperties properties) {
            return new EmailCodeHashKey(Keys.emailHashKey(properties));
        }

        @Bean
        OtpkitSchemaInitializer otpkitSchemaInitializer(OtpkitProperties properties, DataSource dataSource) {
            return new OtpkitSchemaInitializer(properties, dataSource);
        }

        @Bean
        @ConditionalOnMissingBean
        ReplayGuard otpkitReplayGuard(OtpkitProperties properties, DataSource dataSource,
                OtpkitSchemaInitializer schema, ObjectProvider<Clock> clock) {
            return JdbcReplayGuard.builder(dataSource).tablePrefix(properties.jdbc().tablePrefix())
                    .clock(clock(clock)).build();
        }

        @Bean
        @ConditionalOnMissingBean
        AttemptLimiter otpkitAttemptLimiter(OtpkitProperties properties, DataSource dataSource,
                OtpkitSchemaInitializer schema, ObjectProvider<Clock> clock) {
            OtpkitProperties.Attempts attempts = properties.attempts();
            return JdbcAttemptLimiter.builder(dataSource).tablePrefix(properties.jdbc().tablePrefix())
                    .clock(clock(clock)).failuresBeforeLock(attempts.failuresBeforeLock())
                    .lockDurations(attempts.firstLock(), attempts.maxLock()).build();
        }

        @Bean
        @ConditionalOnMissingBean
        OneTimeCodeStore otpkitOneTimeCodeStore(OtpkitProperties properties, DataSource dataSource,
                OtpkitSchemaInitializer schema, ObjectProvider<Clock> clock) {
            return JdbcOneTimeCodeStore.builder(dataSource).tablePrefix(properties.jdbc().tablePrefix())
                    .clock(clock(clock)).build();
        }

        @Bean
        @ConditionalOnMissingBean
        BackupCodeStore otpkitBackupCodeStore(OtpkitProperties properties, DataSource dataSource,
                OtpkitSchemaInitializer schema) {
            return JdbcBackupCodeStore.builder(dataSource).tablePrefix(properties.jdbc().tablePrefix()).build();
        }

        @Bean
        @ConditionalOnMissingBean
        TotpCredentialRepository otpkitTotpCredentialRepository(OtpkitProperties properties, DataSource dataSource,
                SecretSealer sealer, OtpkitSchemaInitializer schema, ObjectProvider<Clock> clock) {
            return new JdbcTotpCredentialRepository(JdbcCredentialStore.builder(dataSource, sealer)
                    .tablePrefix(properties.jdbc().tablePrefix()).clock(clock(clock)).build());
        }
    }

    /** In-memory stores, when there is no {@code DataSource}: one instance only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DataSource.class)
    static class InMemoryStores {
        InMemoryStores() {
            LOG.warn("otpkit keeps its state in memory (no DataSource): codes used, attempt counts, credentials and"
                    + " backup codes are lost on restart and not shared, so this is for one instance only;"
                    + " add a DataSource for otp-jdbc's stores");
        }

        @Bean
        @ConditionalOnMissingBean
        ReplayGuard otpkitReplayGuard(ObjectProvider<Clock> clock) {
            return ReplayGuard.inMemoryBuilder().clock(clock(clock)).build();
        }

        @Bean
        @ConditionalOnMissingBean
        AttemptLimiter otpkitAttemptLimiter(OtpkitProperties properties, ObjectProvider<Clock> clock) {
            OtpkitProperties.Attempts attempts = properties.attempts();
            return AttemptLimiter.inMemoryBuilder().clock(clock(clock)).failuresBeforeLock(attempts.failuresBeforeLock())
                    .lockDurations(attempts.firstLock(), attempts.maxLock()).build();
        }

        /** Codes issued and checked in this JVM only: a key of its own will do. */
        @Bean
        EmailCodeHashKey otpkitEmailCodeHashKey() {
            return new EmailCodeHashKey(SecretSealer.generateKey());
        }

        @Bean
        @ConditionalOnMissingBean
        OneTimeCodeStore otpkitOneTimeCodeStore(ObjectProvider<Clock> clock) {
            return OneTimeCodeStore.inMemoryBuilder().clock(clock(clock)).build();
        }

        @Bean
        @ConditionalOnMissingBean
        BackupCodeStore otpkitBackupCodeStore() {
            return BackupCodeStore.inMemory();
        }

        @Bean
        @ConditionalOnMissingBean
        TotpCredentialRepository otpkitTotpCredentialRepository() {
            return TotpCredentialRepository.inMemory();
        }
    }

    /** Creates otpkit's tables at start-up when {@code otpkit.jdbc.initialize-schema} is on. */
    static final class OtpkitSchemaInitializer {
        OtpkitSchemaInitializer(OtpkitProperties properties, DataSource dataSource) {
            if (properties.jdbc().initializeSchema()) {
                OtpkitSchema.create(dataSource, properties.jdbc().tablePrefix());
            }
        }
    }
}
