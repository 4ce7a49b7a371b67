package dev.otpkit.spring;

import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.TotpVerifier;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * otpkit's factors in Spring Security's DSL: TOTP with backup codes as its fallback (authority
 * {@link OtpFactors#TOTP_AUTHORITY}), email codes as a factor of their own
 * ({@link OtpFactors#EMAIL_CODE_AUTHORITY}), enrolment, and generated pages for each.
 *
 * <pre>{@code
 * @EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY, OtpFactors.TOTP_AUTHORITY})
 * ...
 * http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
 *     .formLogin(Customizer.withDefaults())
 *     .with(OtpLoginConfigurer.otpLogin(), Customizer.withDefaults());
 * }</pre>
 *
 * <p>The services come from the DSL or else from the application context, one bean of each type:
 * {@link TotpVerifier} and {@link TotpCredentialRepository} (required), {@link BackupCodes}
 * (optional: the backup-code form), {@link OneTimeCodes} with a {@link OneTimeCodeSender}
 * (optional: the email-code factor), {@link TotpEnrollmentService} (optional: enrolment).
 *
 * <p>A code is always checked for the principal of the authentication already in the session,
 * never for a user named by the request, and a valid one adds its factor authority to that
 * authentication, which keeps its type, principal and other authorities. The session id
 * changes, as at any login.
 *
 * <p>Defaults, each replaceable: code page and processing URL {@value #DEFAULT_CODE_URL} (GET
 * shows the page, POST checks {@code code} or {@code backup_code}); email-code page and
 * processing URL {@value #DEFAULT_EMAIL_URL}, sending at {@value #DEFAULT_EMAIL_URL}{@code /send};
 * enrolment page and confirmation {@value #DEFAULT_ENROLL_URL}; success: back to the saved
 * request; failure: the page with {@code ?error=} and the status in lower case. Setting a page
 * URL means the application serves that page: the generated one is then off. The generated
 * pages and the processing URLs are answered before authorization, like Spring Security's login
 * page; an application's own pages must be reachable with the first factor alone.
 */
public final class OtpLoginConfigurer extends AbstractHttpConfigurer<OtpLoginConfigurer, HttpSecurity> {
    /** The default URL of the TOTP code page and its processing: {@value}. */
    public static final String DEFAULT_CODE_URL = "/login/totp";
    /** The default URL of the email-code page and its processing: {@value}. */
    public static final String DEFAULT_EMAIL_URL = "/login/email-code";
    /** The default URL of the enrolment page and its confirmation: {@value}. */
    public static final String DEFAULT_ENROLL_URL = "/login/totp/enroll";
    /**
     * The session attribute that holds the backup codes of a confirmed enrolment, a
     * {@code List<String>}, for an application's own backup-codes page
     * ({@link #backupCodesPage(String)}): {@value}.
     */
    public static final String BACKUP_CODES_ATTRIBUTE = "dev.otpkit.spring.BACKUP_CODES";

    private String codePage = DEFAULT_CODE_URL;
    private boolean generateCodePage = true;
    private String processingUrl = DEFAULT_CODE_URL;
    private String emailPage = DEFAULT_EMAIL_URL;
    private boolean generateEmailPage = true;
    private String emailProcessingUrl = DEFAULT_EMAIL_URL;
    private String enrollPage = DEFAULT_ENROLL_URL;
    private boolean generateEnrollPage = true;
    private String enrollConfirmUrl = DEFAULT_ENROLL_URL;
    private String afterEnrollUrl = "/";
    private String backupCodesPage;
    private AuthenticationSuccessHandler successHandler;
    private AuthenticationFailureHandler failureHandler;
    private AuthenticationFailureHandler emailFailureHandler;
    private TotpVerifier totpVerifier;
    private TotpCredentialRepository credentials;
    private BackupCodes backupCodes;
    private OneTimeCodes oneTimeCodes;
    private OneTimeCodeSender sender;
    private TotpEnrollmentService enrollment;
    private Clock clock = Clock.systemUTC();
    private SecondFactorChecks checks;

    private OtpLoginConfigurer() {
    }

    /**
     * Starts the configuration, for {@code http.with(otpLogin(), customizer)}.
     *
     * @return a new configurer with the defaults
     */
    public static OtpLoginConfigurer otpLogin() {
        return new OtpLoginConfigurer();
    }

    /**
     * Uses the application's own TOTP code page (GET) instead of the generated one; it must post
     * {@code code} (or {@code backup_code}) and the CSRF token to the processing URL.
     *
     * @param url the page's path, such as {@code "/2fa"}
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer codePage(String url) {
        this.codePage = path(url);
        this.generateCodePage = false;
        return this;
    }

    /**
     * Sets where TOTP and backup codes are posted; default {@value #DEFAULT_CODE_URL}.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer processingUrl(String url) {
        this.processingUrl = path(url);
        return this;
    }

    /**
     * Uses the application's own email-code page instead of the generated one.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer emailCodePage(String url) {
        this.emailPage = path(url);
        this.generateEmailPage = false;
        return this;
    }

    /**
     * Sets where email codes are posted; default {@value #DEFAULT_EMAIL_URL}.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer emailProcessingUrl(String url) {
        this.emailProcessingUrl = path(url);
        return this;
    }

    /**
     * Uses the application's own enrolment page instead of the generated one; it shows
     * {@link TotpEnrollmentService#start} and posts {@code code} to the confirmation URL.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer enrollmentPage(String url) {
        this.enrollPage = path(url);
        this.generateEnrollPage = false;
        return this;
    }

    /**
     * Sets where enrolment codes are posted; default {@value #DEFAULT_ENROLL_URL}.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer enrollmentConfirmUrl(String url) {
        this.enrollConfirmUrl = path(url);
        return this;
    }

    /**
     * Sets what a user goes to after the backup codes shown at enrolment; default {@code "/"}.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer afterEnrollmentUrl(String url) {
        this.afterEnrollUrl = path(url);
        return this;
    }

    /**
     * Uses the application's own page for the backup codes of a confirmed enrolment instead of
     * the generated one: the confirmation then redirects there, with the codes in the session
     * attribute {@value #BACKUP_CODES_ATTRIBUTE} (a {@code List<String>}). The page shows them
     * and removes the attribute once the user has them, so that they are shown only once.
     *
     * @param url a path starting with '/'
     * @return this configurer
     * @throws IllegalArgumentException if {@code url} does not start with '/'
     */
    public OtpLoginConfigurer backupCodesPage(String url) {
        this.backupCodesPage = path(url);
        return this;
    }

    /**
     * Replaces the success handler of both factors (default: back to the saved request).
     *
     * @param handler the handler
     * @return this configurer
     * @throws NullPointerException if {@code handler} is null
     */
    public OtpLoginConfigurer successHandler(AuthenticationSuccessHandler handler) {
        this.successHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Replaces the failure handler of both factors (default: the page with {@code ?error=});
     * the exception is an {@link OtpAuthenticationException} for a refused code.
     *
     * @param handler the handler
     * @return this configurer
     * @throws NullPointerException if {@code handler} is null
     */
    public OtpLoginConfigurer failureHandler(AuthenticationFailureHandler handler) {
        this.failureHandler = Objects.requireNonNull(handler, "handler");
        this.emailFailureHandler = handler;
        return this;
    }

    /**
     * Sets the verifier of TOTP codes instead of the context's bean.
     *
     * @param verifier the login verifier, with its replay guard and attempt limiter
     * @return this configurer
     * @throws NullPointerException if {@code verifier} is null
     */
    public OtpLoginConfigurer totpVerifier(TotpVerifier verifier) {
        this.totpVerifier = Objects.requireNonNull(verifier, "verifier");
        return this;
    }

    /**
     * Sets where credentials live instead of the context's bean.
     *
     * @param repository the repository
     * @return this configurer
     * @throws NullPointerException if {@code repository} is null
     */
    public OtpLoginConfigurer credentials(TotpCredentialRepository repository) {
        this.credentials = Objects.requireNonNull(repository, "repository");
        return this;
    }

    /**
     * Enables backup codes as the TOTP factor's fallback, instead of the context's bean.
     *
     * @param codes the service
     * @return this configurer
     * @throws NullPointerException if {@code codes} is null
     */
    public OtpLoginConfigurer backupCodes(BackupCodes codes) {
        this.backupCodes = Objects.requireNonNull(codes, "codes");
        return this;
    }

    /**
     * Enables the email-code factor, instead of the context's beans.
     *
     * @param codes issues and checks the codes
     * @param sender delivers them
     * @return this configurer
     * @throws NullPointerException if an argument is null
     */
    public OtpLoginConfigurer emailCodes(OneTimeCodes codes, OneTimeCodeSender sender) {
        this.oneTimeCodes = Objects.requireNonNull(codes, "codes");
        this.sender = Objects.requireNonNull(sender, "sender");
        return this;
    }

    /**
     * Enables enrolment, instead of the context's bean.
     *
     * @param service the service
     * @return this configurer
     * @throws NullPointerException if {@code service} is null
     */
    public OtpLoginConfigurer enrollment(TotpEnrollmentService service) {
        this.enrollment = Objects.requireNonNull(service, "service");
        return this;
    }

    /**
     * Sets the clock that stamps granted factors ({@code FactorGrantedAuthority.getIssuedAt()});
     * default the system clock.
     *
     * @param clock the clock
     * @return this configurer
     * @throws NullPointerException if {@code clock} is null
     */
    public OtpLoginConfigurer clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(HttpSecurity http) {
        resolveServices(http.getSharedObject(ApplicationContext.class));
        checks = new SecondFactorChecks(totpVerifier, credentials, backupCodes, oneTimeCodes);
        ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
        if (exceptions == null) {
            return;
        }
        String enrollEntry = enrollment != null ? enrollPage : null;
        exceptions.defaultDeniedHandlerForMissingAuthority(
                new TotpEntryPoint(codePage, enrollEntry, checks, getSecurityContextHolderStrategy()),
                OtpFactors.TOTP_AUTHORITY);
        if (oneTimeCodes != null) {
            exceptions.defaultDeniedHandlerForMissingAuthority(
                    (request, response, reason) -> response.sendRedirect(Requests.url(request, emailPage)),
                    OtpFactors.EMAIL_CODE_AUTHORITY);
        }
    }

    private void resolveServices(ApplicationContext context) {
        totpVerifier = orBean(totpVerifier, context, TotpVerifier.class);
        credentials = orBean(credentials, context, TotpCredentialRepository.class);
        if (totpVerifier == null || credentials == null) {
            throw new IllegalStateException("otpLogin() needs a TotpVerifier and a TotpCredentialRepository:"
                    + " declare one bean of each or pass them to the DSL");
        }
        backupCodes = orBean(backupCodes, context, BackupCodes.class);
        enrollment = orBean(enrollment, context, TotpEnrollmentService.class);
        if (oneTimeCodes == null && context != null) {
            OneTimeCodes codes = orBean(null, context, OneTimeCodes.class);
            OneTimeCodeSender codeSender = orBean(null, context, OneTimeCodeSender.class);
            if (codes != null && codeSender != null) {
                oneTimeCodes = codes;
                sender = codeSender;
            }
        }
    }

    private static <T> T orBean(T configured, ApplicationContext context, Class<T> type) {
        if (configured != null || context == null) {
            return configured;
        }
        return context.getBeanProvider(type).getIfUnique();
    }

    @Override
    public void configure(HttpSecurity http) {
        Urls urls = new Urls(codePage, processingUrl, emailPage, emailProcessingUrl, emailPage + "/send", enrollPage,
                enrollConfirmUrl, afterEnrollUrl, backupCodesPage);
        SecurityContextHolderStrategy holder = getSecurityContextHolderStrategy();
        SessionAuthenticationStrategy sessionStrategy = shared(http, SessionAuthenticationStrategy.class,
                NullAuthenticatedSessionStrategy::new);
        SecurityContextRepository contextRepository = shared(http, SecurityContextRepository.class,
                () -> new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                        new HttpSessionSecurityContextRepository()));
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        ApplicationEventPublisher events = context != null ? context : event -> { };
        ProviderManager manager = new ProviderManager(new SecondFactorAuthenticationProvider(checks, clock, events));
        AuthenticationSuccessHandler success = successHandler != null ? successHandler : savedRequestHandler(http);

        SecondFactorFilter totp = codeFilter(processingUrl, SecondFactor.TOTP, manager);
        totp.setAuthenticationFailureHandler(failureHandler != null ? failureHandler : new OtpFailureHandler(codePage));
        addAuthenticationFilter(http, totp, success, sessionStrategy, contextRepository, holder);
        if (oneTimeCodes != null) {
            SecondFactorFilter email = codeFilter(emailProcessingUrl, SecondFactor.EMAIL_CODE, manager);
            email.setAuthenticationFailureHandler(
                    emailFailureHandler != null ? emailFailureHandler : new OtpFailureHandler(emailPage));
            addAuthenticationFilter(http, email, success, sessionStrategy, contextRepository, holder);
            EmailCodeSendFilter send = new EmailCodeSendFilter(urls, oneTimeCodes, sender, holder);
            http.addFilterAfter(postProcess(send), UsernamePasswordAuthenticationFilter.class);
        }
        if (enrollment != null) {
            EnrollmentFilter enroll = new EnrollmentFilter(urls, enrollment, checks, generateEnrollPage, clock);
            enroll.session(holder, sessionStrategy, contextRepository);
            http.addFilterAfter(postProcess(enroll), UsernamePasswordAuthenticationFilter.class);
        }
        OtpPageFilter pages = new OtpPageFilter(urls, generateCodePage, generateEmailPage && oneTimeCodes != null,
                backupCodes != null);
        http.addFilterAfter(postProcess(pages), UsernamePasswordAuthenticationFilter.class);
    }

    private static SecondFactorFilter codeFilter(String url, SecondFactor factor, ProviderManager manager) {
        return new SecondFactorFilter(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, url), factor,
                manager);
    }

    private void addAuthenticationFilter(HttpSecurity http, SecondFactorFilter filter,
            AuthenticationSuccessHandler success, SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contextRepository, SecurityContextHolderStrategy holder) {
        filter.setAuthenticationSuccessHandler(success);
        filter.setSessionAuthenticationStrategy(sessionStrategy);
        filter.setSecurityContextRepository(contextRepository);
        filter.setSecurityContextHolderStrategy(holder);
        http.addFilterAfter(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
    }

    private static AuthenticationSuccessHandler savedRequestHandler(HttpSecurity http) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        RequestCache cache = http.getSharedObject(RequestCache.class);
        if (cache != null) {
            handler.setRequestCache(cache);
        }
        return handler;
    }

    private static <T> T shared(HttpSecurity http, Class<T> type, Supplier<T> otherwise) {
        T object = http.getSharedObject(type);
        return object != null ? object : otherwise.get();
    }

    private static String path(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("/")) {
            throw new IllegalArgumentException("a URL here is a path starting with '/'");
        }
        return url;
    }
}
