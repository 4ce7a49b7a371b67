package dev.otpkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.spring.OtpFactors;
import dev.otpkit.spring.OtpLoginConfigurer;
import dev.otpkit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The README's five lines of security configuration on the starter's beans alone: enrolment
 * through the generated pages, then a sign-in with a TOTP code and one with a backup code.
 */
class StarterSignInTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtpkitAutoConfiguration.class))
            .withUserConfiguration(App.class);

    @Test
    void enrolsThenSignsInWithTotpThenWithABackupCode() {
        runner.run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
            MutableClock clock = context.getBean(MutableClock.class);
            TotpVerifier verifier = context.getBean(TotpVerifier.class);

            MockHttpSession first = password(mvc);
            mvc.perform(get("/resource").session(first)).andExpect(redirectedUrl("/login/totp/enroll"));
            String page = mvc.perform(get("/login/totp/enroll").session(first)).andReturn().getResponse()
                    .getContentAsString();
            OtpSecret secret = OtpSecret.fromBase32(find(page, "<code>([A-Z2-7]+)</code>").get(0));
            MvcResult enrolled = mvc.perform(post("/login/totp/enroll").session(first).with(csrf())
                    .param("code", verifier.totp().generate(secret, clock.instant()))).andExpect(status().isOk())
                    .andReturn();
            List<String> backupCodes = find(enrolled.getResponse().getContentAsString(), "<li><code>([^<]+)</code>");
            assertThat(backupCodes).hasSize(10);

            clock.advance(Duration.ofSeconds(30));
            MockHttpSession second = password(mvc);
            mvc.perform(get("/resource").session(second)).andExpect(redirectedUrl("/login/totp"));
            MvcResult totp = mvc.perform(post("/login/totp").session(second).with(csrf())
                    .param("code", verifier.totp().generate(secret, clock.instant()))).andReturn();
            mvc.perform(get("/resource").session((MockHttpSession) totp.getRequest().getSession()))
                    .andExpect(status().isOk());

            MockHttpSession third = password(mvc);
            MvcResult backup = mvc.perform(post("/login/totp").session(third).with(csrf())
                    .param("backup_code", backupCodes.get(0))).andReturn();
            mvc.perform(get("/resource").session((MockHttpSession) backup.getRequest().getSession()))
                    .andExpect(status().isOk());
        });
    }

    private static MockHttpSession password(MockMvc mvc) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", "alice").param("password", "pw")
                .with(csrf())).andReturn().getRequest().getSession(false);
    }

    private static List<String> find(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertThat(found).as("%s in the page", regex).isNotEmpty();
        return found;
    }

    @Configuration
    @EnableWebMvc
    @EnableWebSecurity
    @EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY,
        OtpFactors.TOTP_AUTHORITY})
    static class App {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(withDefaults())
                    .with(OtpLoginConfigurer.otpLogin(), withDefaults())
                    .build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}pw").build());
        }

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }

        @RestController
        static class Resource {
            @GetMapping("/resource")
            String resource() {
                return "the resource";
            }
        }
    }
}
