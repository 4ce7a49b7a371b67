package dev.otpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.TotpCredential;
import dev.otpkit.core.TotpVerifier;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** The configurer's defaults replaced one by one, and its refusal to start without its services. */
class OtpLoginConfigurerTest {
    private static final OtpSecret SECRET = OtpSecret.generate();

    @Test
    void usesTheApplicationsOwnPageAndHandlersInsteadOfTheDefaults() throws Exception {
        try (AnnotationConfigWebApplicationContext context = start(OwnPagesApp.class)) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
            MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "alice")
                    .param("password", "pw").with(csrf())).andReturn().getRequest().getSession(false);

            mvc.perform(get("/resource").session(session)).andExpect(redirectedUrl("/my/2fa"));
            mvc.perform(get("/my/2fa").session(session))
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString()).isEqualTo("my page"));
            mvc.perform(get("/login/totp").session(session)).andExpect(redirectedUrl("/my/2fa"));
            mvc.perform(post("/my/2fa/check").param("code", "000000").with(csrf()).session(session))
                    .andExpect(status().isUnauthorized());
            String code = OwnPagesApp.TOTP_CODES.generate(SECRET, Instant.now());
            mvc.perform(post("/my/2fa/check").param("code", code).with(csrf()).session(session))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void redirectsAConfirmedEnrolmentToTheApplicationsBackupCodesPageWithTheCodesInTheSession() throws Exception {
        try (AnnotationConfigWebApplicationContext context = start(OwnBackupCodesPageApp.class)) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
            MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "bob")
                    .param("password", "pw").with(csrf())).andReturn().getRequest().getSession(false);
            String page = mvc.perform(get("/login/totp/enroll").session(session)).andReturn().getResponse()
                    .getContentAsString();
            OtpSecret secret = OtpSecret.fromBase32(page.replaceAll("(?s).*<code>([A-Z2-7]+)</code>.*", "$1"));

            var confirmed = mvc.perform(post("/login/totp/enroll").session(session).with(csrf())
                    .param("code", OwnPagesApp.TOTP_CODES.generate(secret, Instant.now())))
                    .andExpect(redirectedUrl("/my/codes")).andReturn();

            Object codes = confirmed.getRequest().getSession(false).getAttribute(OtpLoginConfigurer.BACKUP_CODES_ATTRIBUTE);
            assertThat(codes).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(10);
        }
    }

    @Test
    void refusesToStartWithoutAVerifierAndCredentials() {
        assertThatThrownBy(() -> start(NoServicesApp.class).close()).rootCause()
                .hasMessageContaining("otpLogin() needs a TotpVerifier and a TotpCredentialRepository");
    }

    private static AnnotationConfigWebApplicationContext start(Class<?> app) {
        AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(app);
        context.refresh();
        return context;
    }

    @Configuration
    @EnableWebMvc
    @EnableWebSecurity
    @EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY,
        OtpFactors.TOTP_AUTHORITY})
    static class OwnPagesApp {
        static final dev.otpkit.core.Totp TOTP_CODES = dev.otpkit.core.Totp.builder().build();

        @Bean
        SecurityFilterChain chain(HttpSecurity http) {
            TotpCredentialRepository credentials = TotpCredentialRepository.inMemory();
            OtpAuthUri uri = OtpAuthUri.builder().secret(SECRET).issuer("Example").account("alice").build();
            credentials.savePending(PendingEnrollment.restore("e1", "alice", uri, Instant.now().plus(Duration.ofHours(1))));
            credentials.activate(TotpCredential.restore("e1", "alice", SECRET, TOTP_CODES, 0));
            http.authorizeHttpRequests(requests -> requests
                            // Not hasAuthority(...): @EnableMultiFactorAuthentication adds the TOTP
                            // factor to every rule made by its factory, and this page comes before it.
                            .requestMatchers("/my/2fa").access(AuthorityAuthorizationManager
                                    .hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))
                            .anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .with(OtpLoginConfigurer.otpLogin(), otp -> otp
                            .codePage("/my/2fa")
                            .processingUrl("/my/2fa/check")
                            .totpVerifier(TotpVerifier.builder(TOTP_CODES).build())
                            .credentials(credentials)
                            .successHandler((request, response, authentication) ->
                                    response.setStatus(HttpServletResponse.SC_NO_CONTENT))
                            .failureHandler((request, response, exception) ->
                                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED)));
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}pw").build());
        }

        @RestController
        static class Pages {
            @GetMapping("/my/2fa")
            String page() {
                return "my page";
            }
        }
    }

    @Configuration
    @EnableWebMvc
    @EnableWebSecurity
    static class OwnBackupCodesPageApp {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) {
            TotpVerifier verifier = TotpVerifier.builder(OwnPagesApp.TOTP_CODES).build();
            TotpCredentialRepository credentials = TotpCredentialRepository.inMemory();
            TotpEnrollmentService enrollment = TotpEnrollmentService
                    .builder(dev.otpkit.core.Enrollments.builder(verifier).build(), credentials)
                    .backupCodes(dev.otpkit.backup.BackupCodes.builder()
                            .cost(dev.otpkit.backup.Argon2idCost.forTesting(64, 1, 1)).build())
                    .build();
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .with(OtpLoginConfigurer.otpLogin(), otp -> otp.totpVerifier(verifier).credentials(credentials)
                            .enrollment(enrollment).backupCodesPage("/my/codes"));
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(User.withUsername("bob").password("{noop}pw").build());
        }
    }

    @Configuration
    @EnableWebSecurity
    static class NoServicesApp {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) {
            http.formLogin(withDefaults()).with(OtpLoginConfigurer.otpLogin(), withDefaults());
            return http.build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }
    }
}
