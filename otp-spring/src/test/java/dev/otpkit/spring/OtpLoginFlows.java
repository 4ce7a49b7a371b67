package dev.otpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.TotpCredential;
import dev.otpkit.core.Verification;
import dev.otpkit.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The sign-in flows through real HTTP requests (MockMvc through the whole security filter chain),
 * for each kind of store: password, then the second factor.
 */
abstract class OtpLoginFlows {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String PASSWORD = "correct horse";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private InMemoryUserDetailsManager users;
    @Autowired
    private TotpCredentialRepository credentials;
    @Autowired
    private BackupCodes backupCodes;
    @Autowired
    private MutableClock clock;
    @Autowired
    private List<TestApp.SentCode> sentCodes;
    @Autowired
    private List<OtpVerificationEvent> verificationEvents;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    private List<SecurityEvent> securityEvents;

    private MockMvc mvc;

    @BeforeEach
    void setUpMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // A new 30-second step for each test, so that no code of an earlier test is a replay.
        clock.advance(Duration.ofSeconds(60));
    }

    @Test
    void passwordThenTotpSignsIn() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        mvc.perform(get("/resource").session(session)).andExpect(redirectedUrl("/login/totp"));

        MvcResult result = mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf()).session(session))
                .andExpect(redirectedUrl("http://localhost/resource?continue")).andReturn();

        mvc.perform(get("/resource").session(session(result))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).isEqualTo("the resource"));
        assertThat(authorities(session(result))).contains(FactorGrantedAuthority.PASSWORD_AUTHORITY,
                OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void refusesResourceBehindBothFactorsAfterPasswordAlone() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);

        mvc.perform(get("/resource").session(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/anything/else").session(session)).andExpect(redirectedUrl("/login/totp"));
        assertThat(authorities(session)).contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .doesNotContain(OtpFactors.TOTP_AUTHORITY, OtpFactors.EMAIL_CODE_AUTHORITY);
    }

    @Test
    void refusesWrongCode() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);

        mvc.perform(post("/login/totp").param("code", wrong(alice.code())).with(csrf()).session(session))
                .andExpect(redirectedUrl("/login/totp?error=invalid"));

        mvc.perform(get("/resource").session(session)).andExpect(redirectedUrl("/login/totp"));
        assertThat(authorities(session)).doesNotContain(OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void refusesReplayedCode() throws Exception {
        Account alice = enrolledAccount();
        String code = alice.code();
        MockHttpSession first = signInWithPassword(alice.name);
        mvc.perform(post("/login/totp").param("code", code).with(csrf()).session(first))
                .andExpect(redirectedUrl("/"));

        MockHttpSession second = signInWithPassword(alice.name);
        mvc.perform(post("/login/totp").param("code", code).with(csrf()).session(second))
                .andExpect(redirectedUrl("/login/totp?error=replayed"));
        assertThat(authorities(second)).doesNotContain(OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void refusesEvenTheRightCodeOfALockedAccount() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(post("/login/totp").param("code", wrong(alice.code())).with(csrf()).session(session))
                    .andExpect(redirectedUrl("/login/totp?error=invalid"));
        }

        mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf()).session(session))
                .andExpect(redirectedUrl("/login/totp?error=locked"));
        String page = mvc.perform(get("/login/totp").param("error", "locked").session(session)).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Too many wrong codes");
        assertThat(authorities(session)).doesNotContain(OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void refusesCodeOfAnotherUserAndLeavesItUnused() throws Exception {
        Account alice = enrolledAccount();
        Account bob = enrolledAccount();
        MockHttpSession aliceSession = signInWithPassword(alice.name);

        mvc.perform(post("/login/totp").param("code", bob.code()).with(csrf()).session(aliceSession))
                .andExpect(redirectedUrl("/login/totp?error=invalid"));

        MockHttpSession bobSession = signInWithPassword(bob.name);
        MvcResult bobIn = mvc.perform(post("/login/totp").param("code", bob.code()).with(csrf()).session(bobSession))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(name(session(bobIn))).isEqualTo(bob.name);
    }

    /**
     * Spring Security issue #18112: a one-time token of another user was merged into the
     * signed-in user's session. Here the request cannot name a user: a valid code of bob's, posted
     * in alice's session with bob's name, is checked for alice only, and alice stays alice without
     * the factor.
     */
    @Test
    void checksSecondFactorOnlyForThePrincipalOfTheFirst() throws Exception {
        Account alice = enrolledAccount();
        Account bob = enrolledAccount();
        MockHttpSession aliceSession = signInWithPassword(alice.name);

        mvc.perform(post("/login/totp").param("code", bob.code()).param("username", bob.name)
                .with(csrf()).session(aliceSession)).andExpect(redirectedUrl("/login/totp?error=invalid"));

        assertThat(name(aliceSession)).isEqualTo(alice.name);
        assertThat(authorities(aliceSession)).doesNotContain(OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void addsTheFactorToTheFirstFactorsAuthenticationOnly() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        Authentication before = authentication(session);

        MvcResult result = mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf()).session(session))
                .andReturn();

        Authentication after = authentication(session(result));
        assertThat(after.getName()).isEqualTo(alice.name);
        assertThat(after.getClass()).isEqualTo(before.getClass());
        assertThat(after.getPrincipal()).isEqualTo(before.getPrincipal());
        assertThat(authorities(session(result))).containsExactlyInAnyOrder("ROLE_USER",
                FactorGrantedAuthority.PASSWORD_AUTHORITY, OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void refusesCodeWithNobodySignedIn() throws Exception {
        Account alice = enrolledAccount();
        MvcResult result = mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf()))
                .andExpect(redirectedUrl("/login/totp?error=invalid")).andReturn();

        assertThat(result.getRequest().getSession(false) == null || authentication(session(result)) == null).isTrue();
    }

    @Test
    void changesSessionIdWhenTheSecondFactorCompletes() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        String idAfterPassword = session.getId();

        MvcResult result = mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf())
                .with(sessionCookie(session))).andExpect(redirectedUrl("/")).andReturn();

        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(idAfterPassword);
        assertThat(authorities(session(result))).contains(OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void enforcesCsrfOnEveryForm() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        for (String form : List.of("/login/totp", "/login/email-code", "/login/email-code/send",
                "/login/totp/enroll")) {
            mvc.perform(post(form).param("code", alice.code()).param("backup_code", "x").session(session))
                    .andExpect(status().isForbidden());
            mvc.perform(post(form).param("code", alice.code()).with(csrf().useInvalidToken()).session(session))
                    .andExpect(status().isForbidden());
        }
        assertThat(authorities(session)).doesNotContain(OtpFactors.TOTP_AUTHORITY);
        assertThat(sentCodes).noneMatch(sent -> sent.accountId().equals(alice.name));
    }

    @Test
    void generatedPagesCarryTheCsrfToken() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        for (String page : List.of("/login/totp", "/login/email-code")) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).contains("name=\"_csrf\"").contains("<form method=\"post\"");
        }
    }

    @Test
    void backupCodeSignsInOnce() throws Exception {
        Account alice = enrolledAccount();
        String backupCode = backupCodes.generate(alice.name).codes().get(0);
        MockHttpSession first = signInWithPassword(alice.name);

        MvcResult in = mvc.perform(post("/login/totp").param("backup_code", backupCode).with(csrf()).session(first))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(authorities(session(in))).contains(OtpFactors.TOTP_AUTHORITY);

        MockHttpSession second = signInWithPassword(alice.name);
        mvc.perform(post("/login/totp").param("backup_code", backupCode).with(csrf()).session(second))
                .andExpect(redirectedUrl("/login/totp?error=invalid"));
        assertThat(authorities(second)).doesNotContain(OtpFactors.TOTP_AUTHORITY);
    }

    @Test
    void emailCodeSignsInOnceAndOnlyForItsUser() throws Exception {
        Account alice = enrolledAccount();
        Account bob = enrolledAccount();
        MockHttpSession aliceSession = signInWithPassword(alice.name);
        mvc.perform(get("/email-resource").session(aliceSession)).andExpect(redirectedUrl("/login/email-code"));
        mvc.perform(post("/login/email-code/send").with(csrf()).session(aliceSession))
                .andExpect(redirectedUrl("/login/email-code?sent"));
        String code = lastCodeSentTo(alice.name);

        MockHttpSession bobSession = signInWithPassword(bob.name);
        mvc.perform(post("/login/email-code/send").with(csrf()).session(bobSession));
        assertThat(lastCodeSentTo(bob.name)).isNotEqualTo(code);
        mvc.perform(post("/login/email-code").param("code", code).param("username", alice.name).with(csrf())
                .session(bobSession)).andExpect(redirectedUrl("/login/email-code?error=invalid"));
        assertThat(authorities(bobSession)).doesNotContain(OtpFactors.EMAIL_CODE_AUTHORITY);

        MvcResult in = mvc.perform(post("/login/email-code").param("code", code).with(csrf()).session(aliceSession))
                .andExpect(redirectedUrl("http://localhost/email-resource?continue")).andReturn();
        mvc.perform(get("/email-resource").session(session(in))).andExpect(r -> assertThat(r.getResponse().getContentAsString()).isEqualTo("the email resource"));
        assertThat(authorities(session(in))).contains(OtpFactors.EMAIL_CODE_AUTHORITY)
                .doesNotContain(OtpFactors.TOTP_AUTHORITY);

        MockHttpSession again = signInWithPassword(alice.name);
        mvc.perform(post("/login/email-code").param("code", code).with(csrf()).session(again))
                .andExpect(redirectedUrl("/login/email-code?error=expired"));
        assertThat(authorities(again)).doesNotContain(OtpFactors.EMAIL_CODE_AUTHORITY);
    }

    @Test
    void enrolsFromQrCodeToActiveCredentialWithBackupCodesShownOnce() throws Exception {
        String carol = newUser();
        MockHttpSession session = signInWithPassword(carol);
        mvc.perform(get("/resource").session(session)).andExpect(redirectedUrl("/login/totp/enroll"));

        String page = mvc.perform(get("/login/totp/enroll").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("src=\"data:image/png;base64,");
        OtpSecret secret = OtpSecret.fromBase32(find(page, "<code>([A-Z2-7]+)</code>"));
        String reloaded = mvc.perform(get("/login/totp/enroll").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(reloaded).contains(secret.toBase32());

        String idBefore = session.getId();
        MvcResult confirmed = mvc.perform(post("/login/totp/enroll")
                .param("code", TestApp.TOTP.generate(secret, clock.instant())).with(csrf())
                .with(sessionCookie(session))).andExpect(status().isOk()).andReturn();

        assertThat(confirmed.getResponse().getContentAsString()).contains("backup-codes");
        assertThat(credentials.credential(carol)).isPresent();
        assertThat(confirmed.getRequest().getSession(false).getId()).isNotEqualTo(idBefore);
        mvc.perform(get("/resource").session(session(confirmed))).andExpect(status().isOk());
        assertThat(backupCodes.remaining(carol)).isEqualTo(BackupCodes.DEFAULT_COUNT);
    }

    @Test
    void refusesReEnrolmentWithThePasswordAlone() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);

        mvc.perform(get("/login/totp/enroll").session(session)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/login/totp/enroll").param("code", "123456").with(csrf()).session(session))
                .andExpect(redirectedUrl("/login/totp"));
        assertThat(credentials.pending(alice.name)).isEmpty();
    }

    @Test
    void publishesEachCheckAsAnApplicationEventAndCountsIt() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        double invalidBefore = count("totp", "invalid");
        double validBefore = count("totp", "valid");

        mvc.perform(post("/login/totp").param("code", wrong(alice.code())).with(csrf()).session(session));
        mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf()).session(session));

        assertThat(verificationEvents).filteredOn(event -> event.accountId().equals(alice.name))
                .extracting(OtpVerificationEvent::factor, OtpVerificationEvent::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SecondFactor.TOTP, Verification.Status.INVALID),
                        org.assertj.core.groups.Tuple.tuple(SecondFactor.TOTP, Verification.Status.VALID));
        assertThat(count("totp", "invalid")).isEqualTo(invalidBefore + 1);
        assertThat(count("totp", "valid")).isEqualTo(validBefore + 1);
    }

    @Test
    void publishesSecurityEventsAsApplicationEventsAndCountsLockouts() throws Exception {
        Account alice = enrolledAccount();
        MockHttpSession session = signInWithPassword(alice.name);
        double lockoutsBefore = meters.counter(OtpkitMetrics.LOCKOUTS).count();
        double lockedBefore = count("totp", "locked");

        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(post("/login/totp").param("code", wrong(alice.code())).with(csrf()).session(session));
        }
        mvc.perform(post("/login/totp").param("code", alice.code()).with(csrf()).session(session));

        assertThat(securityEvents).filteredOn(event -> event.accountId().equals(alice.name))
                .extracting(SecurityEvent::kind).isSubsetOf(SecurityEvent.Kind.SECOND_FACTOR_FAILED,
                        SecurityEvent.Kind.ACCOUNT_LOCKED)
                .filteredOn(kind -> kind == SecurityEvent.Kind.SECOND_FACTOR_FAILED).hasSize(5);
        assertThat(count("totp", "locked")).isEqualTo(lockedBefore + 1);
        assertThat(securityEvents).filteredOn(event -> event.accountId().equals(alice.name))
                .extracting(SecurityEvent::kind).containsOnlyOnce(SecurityEvent.Kind.ACCOUNT_LOCKED);
        assertThat(meters.counter(OtpkitMetrics.LOCKOUTS).count()).isEqualTo(lockoutsBefore + 1);
    }

    // --- helpers

    private double count(String kind, String outcome) {
        io.micrometer.core.instrument.Counter counter = meters.find(OtpkitMetrics.VERIFICATIONS).tag("kind", kind)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }


    /** A user with a password and an active TOTP credential. */
    private Account enrolledAccount() {
        String name = newUser();
        OtpSecret secret = OtpSecret.generate();
        OtpAuthUri uri = OtpAuthUri.builder().secret(secret).issuer("Example").account(name).totp(TestApp.TOTP)
                .build();
        PendingEnrollment pending = PendingEnrollment.restore("e-" + name, name, uri,
                clock.instant().plus(Duration.ofMinutes(5)));
        credentials.savePending(pending);
        long confirmedStep = TestApp.TOTP.step(clock.instant()) - 2;
        assertThat(credentials.activate(TotpCredential.restore(pending.id(), name, secret, TestApp.TOTP,
                confirmedStep))).isTrue();
        return new Account(name, secret);
    }

    private String newUser() {
        String name = "user-" + USERS.incrementAndGet() + "-" + System.nanoTime();
        users.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build());
        return name;
    }

    private MockHttpSession signInWithPassword(String name) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", name).param("password", PASSWORD)
                .with(csrf())).andExpect(status().isFound()).andReturn();
        return session(result);
    }

    /** The session as a browser sends it: by its cookie, so that the container knows the requested id. */
    private static RequestPostProcessor sessionCookie(MockHttpSession session) {
        return request -> {
            request.setSession(session);
            request.setRequestedSessionId(session.getId());
            request.setRequestedSessionIdFromCookie(true);
            return request;
        };
    }

    private String lastCodeSentTo(String accountId) {
        return sentCodes.stream().filter(sent -> sent.accountId().equals(accountId)).reduce((a, b) -> b)
                .orElseThrow().code();
    }

    private static MockHttpSession session(MvcResult result) {
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static Authentication authentication(MockHttpSession session) {
        SecurityContext context = (SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context == null ? null : context.getAuthentication();
    }

    private static List<String> authorities(MockHttpSession session) {
        return authentication(session).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static String name(MockHttpSession session) {
        return authentication(session).getName();
    }

    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return matcher.group(1);
    }

    private final class Account {
        final String name;
        final OtpSecret secret;

        Account(String name, OtpSecret secret) {
            this.name = name;
            this.secret = secret;
        }

        String code() {
            return TestApp.TOTP.generate(secret, clock.instant());
        }
    }
}
