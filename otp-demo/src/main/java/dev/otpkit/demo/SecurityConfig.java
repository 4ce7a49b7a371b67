package dev.otpkit.demo;

import static dev.otpkit.demo.login.LoginPages.CODE_PAGE;
import static dev.otpkit.demo.login.LoginPages.EMAIL_PAGE;
import static dev.otpkit.demo.login.LoginPages.ENROLL_PAGE;

import dev.otpkit.demo.login.CodeFailureHandler;
import dev.otpkit.demo.login.SecondStepHandler;
import dev.otpkit.spring.OtpFactors;
import dev.otpkit.spring.OtpLoginConfigurer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Who may see what: the public pages, the second-factor pages (the password alone), and the
 * rest behind both factors, where the second is the authenticator (or a backup code) or an email
 * code. otp-spring checks the codes; the demo serves every page itself.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    static final String BACKUP_CODES_PAGE = "/account/backup-codes";
    static final String HOME = "/account";

    /** The one clock of the application: otpkit's services, code expiry, security events. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Argon2id with OWASP's first recommended configuration: 19 MiB of memory (19456 KiB), 2
     * iterations, 1 lane; 16-byte salt, 32-byte hash. No hash is computed at start-up.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    }

    @Bean
    RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        // No "?continue" on the way back to the page first asked for.
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http, Clock clock, RequestCache requestCache,
            SecondStepHandler secondStep, CodeFailureHandler failures) {
        AuthorizationManager<RequestAuthorizationContext> passwordOnly =
                AuthorityAuthorizationManager.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY);
        AuthorizationManager<RequestAuthorizationContext> bothFactors = AuthorizationManagers.allOf(passwordOnly,
                AuthorizationManagers.anyOf(AuthorityAuthorizationManager.hasAuthority(OtpFactors.TOTP_AUTHORITY),
                        AuthorityAuthorizationManager.hasAuthority(OtpFactors.EMAIL_CODE_AUTHORITY)));
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl(HOME);
        success.setRequestCache(requestCache);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/signup", "/login", "/demo.css", "/favicon.ico", "/error", "/dev/**")
                        .permitAll()
                        .requestMatchers(CODE_PAGE, EMAIL_PAGE, ENROLL_PAGE).access(passwordOnly)
                        .anyRequest().access(bothFactors))
                .requestCache(cache -> cache.requestCache(requestCache))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl(HOME).failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(secondStep))
                .with(OtpLoginConfigurer.otpLogin(), otp -> otp
                        .codePage(CODE_PAGE)
                        .emailCodePage(EMAIL_PAGE)
                        .enrollmentPage(ENROLL_PAGE)
                        .backupCodesPage(BACKUP_CODES_PAGE)
                        .successHandler(success)
                        .failureHandler(failures)
                        .clock(clock));
        return http.build();
    }
}
