package dev.otpkit.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The enrolment pages: GET shows the QR code of the signed-in account's pending enrolment
 * (started or resumed), POST confirms it with a code and shows the new backup codes once.
 *
 * <p>Who may enrol: a signed-in account with no active credential (its first authenticator,
 * right after the password), or one that holds the TOTP factor already in this session
 * (re-enrolment). Without this rule a stolen password would be enough to replace the victim's
 * authenticator. A valid confirmation proves the new authenticator, so it adds the TOTP factor,
 * through the session strategy like a login (a new session id).
 */
final class EnrollmentFilter extends OncePerRequestFilter {
    private final Urls urls;
    private final RequestMatcher page;
    private final RequestMatcher confirm;
    private final TotpEnrollmentService enrollment;
    private final SecondFactorChecks checks;
    private final boolean showPage;
    private final Clock clock;
    private SecurityContextHolderStrategy holder;
    private SessionAuthenticationStrategy sessionStrategy;
    private SecurityContextRepository contextRepository;

    EnrollmentFilter(Urls urls, TotpEnrollmentService enrollment, SecondFactorChecks checks, boolean showPage,
            Clock clock) {
        this.urls = urls;
        this.page = OtpPageFilter.get(urls.enrollPage());
        this.confirm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, urls.enrollConfirm());
        this.enrollment = enrollment;
        this.checks = checks;
        this.showPage = showPage;
        this.clock = clock;
    }

    void session(SecurityContextHolderStrategy holder, SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contextRepository) {
        this.holder = holder;
        this.sessionStrategy = sessionStrategy;
        this.contextRepository = contextRepository;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isPage = showPage && page.matches(request);
        boolean isConfirm = confirm.matches(request);
        if (!isPage && !isConfirm) {
            chain.doFilter(request, response);
            return;
        }
        Authentication user = Requests.signedInOrUnauthorized(holder, response);
        if (user == null) {
            return;
        }
        if (!Requests.hasAuthority(user, OtpFactors.TOTP_AUTHORITY) && checks.hasCredential(user.getName())) {
            response.sendRedirect(Requests.url(request, urls.codePage()));
            return;
        }
        if (isPage) {
            showPage(request, response, user);
        } else {
            confirm(request, response, user);
        }
    }

    private void showPage(HttpServletRequest request, HttpServletResponse response, Authentication user)
            throws IOException {
        TotpEnrollmentService.Start start = enrollment.start(user.getName(), user.getName());
        Requests.html(response, OtpPages.enrollmentPage(Requests.url(request, urls.enrollConfirm()),
                Requests.csrf(request), start.qrDataUri(), start.pending().secret().toBase32(),
                Requests.error(request)));
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, Authentication user)
            throws IOException {
        TotpEnrollmentService.Confirmation result = enrollment.confirm(user.getName(), request.getParameter("code"));
        if (!result.isValid()) {
            String target = showPage ? urls.enrollPage() : urls.enrollConfirm();
            response.sendRedirect(Requests.url(request, target + "?error=" + OtpFailureHandler.word(result.status())));
            return;
        }
        FactorGrantedAuthority factor = FactorGrantedAuthority.withAuthority(OtpFactors.TOTP_AUTHORITY)
                .issuedAt(clock.instant()).build();
        Authentication withFactor = user.toBuilder().authorities(authorities -> {
            authorities.removeIf(a -> a.getAuthority().equals(factor.getAuthority()));
            authorities.add(factor);
        }).build();
        sessionStrategy.onAuthentication(withFactor, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(withFactor);
        holder.setContext(context);
        contextRepository.saveContext(context, request, response);
        if (urls.backupCodesPage() != null) {
            request.getSession().setAttribute(OtpLoginConfigurer.BACKUP_CODES_ATTRIBUTE, result.backupCodes());
            response.sendRedirect(Requests.url(request, urls.backupCodesPage()));
            return;
        }
        Requests.html(response, OtpPages.backupCodesPage(result.backupCodes(), Requests.url(request, urls.afterEnroll())));
    }
}
