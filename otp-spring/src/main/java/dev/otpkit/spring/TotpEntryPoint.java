package dev.otpkit.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Where a request missing the TOTP factor goes: the code page if the signed-in account has an
 * active credential, the enrolment page if it has none (and enrolment is on).
 */
final class TotpEntryPoint implements AuthenticationEntryPoint {
    private final String codePage;
    private final String enrollPage;
    private final SecondFactorChecks checks;
    private final SecurityContextHolderStrategy holder;

    TotpEntryPoint(String codePage, String enrollPage, SecondFactorChecks checks, SecurityContextHolderStrategy holder) {
        this.codePage = codePage;
        this.enrollPage = enrollPage;
        this.checks = checks;
        this.holder = holder;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        Authentication user = Requests.signedIn(holder);
        boolean enrol = enrollPage != null && user != null && !checks.hasCredential(user.getName());
        response.sendRedirect(Requests.url(request, enrol ? enrollPage : codePage));
    }
}
