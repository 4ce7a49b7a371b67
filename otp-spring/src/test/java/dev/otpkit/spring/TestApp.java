package dev.otpkit.spring;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.otpkit.backup.Argon2idCost;
import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.Enrollments;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.testkit.MutableClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The application the flow tests sign in to: password (form login), then TOTP required
 * everywhere through {@code @EnableMultiFactorAuthentication}; {@code /email-resource} needs the
 * password and an email code instead. The stores come from a {@link Stores} bean.
 */
@Configuration
@EnableWebMvc
@EnableWebSecurity
@EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY, OtpFactors.TOTP_AUTHORITY})
class TestApp {
    static final Totp TOTP = Totp.builder().build();
    static final byte[] EMAIL_HASH_KEY = dev.otpkit.core.SecretSealer.generateKey();

    /** The stores behind the services: in memory or in a database. */
    interface Stores {
        ReplayGuard replayGuard(MutableClock clock);

        AttemptLimiter attemptLimiter(MutableClock clock);

        TotpCredentialRepository credentials(MutableClock clock);

        BackupCodeStore backupCodeStore();

        OneTimeCodeStore oneTimeCodeStore(MutableClock clock);
    }

    /** Email codes "sent" by the application, for the tests to read. */
    record SentCode(String accountId, String code) {
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http) {
        var emailFactor = AuthorizationManagerFactories.multiFactor()
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, OtpFactors.EMAIL_CODE_AUTHORITY).build();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/email-resource").access(emailFactor.authenticated())
                        .anyRequest().authenticated())
                .formLogin(withDefaults())
                .with(OtpLoginConfigurer.otpLogin(), withDefaults());
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Bean
    SecurityEventPublisher securityEvents(org.springframework.context.ApplicationEventPublisher publisher) {
        return new SecurityEventPublisher(publisher);
    }

    @Bean
    List<dev.otpkit.core.SecurityEvent> receivedSecurityEvents() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    org.springframework.context.ApplicationListener<
            org.springframework.context.PayloadApplicationEvent<dev.otpkit.core.SecurityEvent>> recordSecurityEvents(
            List<dev.otpkit.core.SecurityEvent> receivedSecurityEvents) {
        return event -> receivedSecurityEvents.add(event.getPayload());
    }

    @Bean
    TotpVerifier totpVerifier(MutableClock clock, Stores stores, SecurityEventPublisher securityEvents) {
        return TotpVerifier.builder(TOTP).clock(clock).replayGuard(stores.replayGuard(clock))
                .attemptLimiter(stores.attemptLimiter(clock)).eventListener(securityEvents).build();
    }

    @Bean
    TotpCredentialRepository credentials(MutableClock clock, Stores stores) {
        return stores.credentials(clock);
    }

    @Bean
    BackupCodes backupCodes(Stores stores) {
        return BackupCodes.builder().cost(Argon2idCost.forTesting(64, 1, 1)).store(stores.backupCodeStore()).build();
    }

    @Bean
    OneTimeCodes oneTimeCodes(MutableClock clock, Stores stores) {
        return OneTimeCodes.builder().clock(clock).store(stores.oneTimeCodeStore(clock)).hashKey(EMAIL_HASH_KEY)
                .build();
    }

    @Bean
    List<SentCode> sentCodes() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    OneTimeCodeSender sender(List<SentCode> sentCodes) {
        return (accountId, code) -> sentCodes.add(new SentCode(accountId, code.code()));
    }

    @Bean
    TotpEnrollmentService enrollment(TotpVerifier verifier, TotpCredentialRepository credentials,
            BackupCodes backupCodes, MutableClock clock) {
        return TotpEnrollmentService.builder(Enrollments.builder(verifier).build(), credentials)
                .issuer("Example").backupCodes(backupCodes).clock(clock).build();
    }

    @Bean
    io.micrometer.core.instrument.simple.SimpleMeterRegistry meterRegistry() {
        return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    }

    @Bean
    OtpkitMetrics metrics(io.micrometer.core.instrument.MeterRegistry registry) {
        return new OtpkitMetrics(registry);
    }

    @Bean
    List<OtpVerificationEvent> verificationEvents() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    org.springframework.context.ApplicationListener<OtpVerificationEvent> recordVerifications(
            List<OtpVerificationEvent> verificationEvents) {
        return verificationEvents::add;
    }

    @RestController
    static class Resources {
        @GetMapping("/resource")
        String resource() {
            return "the resource";
        }

        @GetMapping("/email-resource")
        String emailResource() {
            return "the email resource";
        }
    }

    /** Every store in memory. */
    @Configuration
    static class InMemory {
        @Bean
        Stores stores() {
            return new Stores() {
                @Override
                public ReplayGuard replayGuard(MutableClock clock) {
                    return ReplayGuard.inMemoryBuilder().clock(clock).build();
                }

                @Override
                public AttemptLimiter attemptLimiter(MutableClock clock) {
                    return AttemptLimiter.inMemoryBuilder().clock(clock).build();
                }

                @Override
                public TotpCredentialRepository credentials(MutableClock clock) {
                    return TotpCredentialRepository.inMemory();
                }

                @Override
                public BackupCodeStore backupCodeStore() {
                    return BackupCodeStore.inMemory();
                }

                @Override
                public OneTimeCodeStore oneTimeCodeStore(MutableClock clock) {
                    return OneTimeCodeStore.inMemoryBuilder().clock(clock).build();
                }
            };
        }
    }
}
