package dev.otpkit.spring;

import dev.otpkit.core.Verification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Processes a submitted second-factor code (POST to the processing URL). The code is checked
 * for the principal of the authentication already in the security context, and only for it: a
 * request with nobody signed in, or signed in anonymously, is refused without looking at the
 * code. On success the filter's session strategy runs (a new session id, a new CSRF token) and
 * the authentication with the added factor is saved, as for any Spring Security login.
 *
 * <p>MFA merging ({@code setMfaEnabled}) is not needed and stays off: the result already is the
 * first factor's authentication plus the new factor, whether or not the application enabled
 * multi-factor authentication.
 */
final class SecondFactorFilter extends AbstractAuthenticationProcessingFilter {
    private final SecondFactor codeFactor;
    private SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SecondFactorFilter(RequestMatcher processingRequests, SecondFactor codeFactor, AuthenticationManager manager) {
        super(processingRequests, manager);
        this.codeFactor = codeFactor;
    }

    @Override
    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        super.setSecurityContextHolderStrategy(strategy);
        this.holder = strategy;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        Authentication firstFactor = Requests.signedIn(holder);
        if (firstFactor == null) {
            throw new OtpAuthenticationException(Verification.Status.INVALID, Optional.empty());
        }
        SecondFactor factor = codeFactor;
        String code = request.getParameter(factor.parameter());
        if (factor == SecondFactor.TOTP && isBlank(code)) {
            // The code page's second form: the backup code, the fallback of the same factor.
            String backupCode = request.getParameter(SecondFactor.BACKUP_CODE.parameter());
            if (!isBlank(backupCode)) {
                factor = SecondFactor.BACKUP_CODE;
                code = backupCode;
            }
        }
        return getAuthenticationManager().authenticate(new SecondFactorAuthenticationToken(firstFactor, factor, code));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
