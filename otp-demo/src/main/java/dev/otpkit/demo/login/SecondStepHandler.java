package dev.otpkit.demo.login;

import dev.otpkit.spring.TotpCredentialRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * A page behind both factors, asked for with the password alone: remember it and go to the
 * second step, the enrolment for an account without an authenticator, else the code page.
 * Anything else denied is a plain 403.
 */
@Component
public class SecondStepHandler implements AccessDeniedHandler {
    private final TotpCredentialRepository credentials;
    private final RequestCache requestCache;
    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    SecondStepHandler(TotpCredentialRepository credentials, RequestCache requestCache) {
        this.credentials = credentials;
        this.requestCache = requestCache;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !LoginPages.hasAuthority(user, FactorGrantedAuthority.PASSWORD_AUTHORITY)
                || LoginPages.hasSecondFactor(user)) {
            forbidden.handle(request, response, denied);
            return;
        }
        requestCache.saveRequest(request, response);
        String next = credentials.credential(user.getName()).isPresent() ? LoginPages.CODE_PAGE : LoginPages.ENROLL_PAGE;
        response.sendRedirect(request.getContextPath() + next);
    }
}
