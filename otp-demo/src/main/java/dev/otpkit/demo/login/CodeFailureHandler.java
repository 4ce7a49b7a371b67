package dev.otpkit.demo.login;

import dev.otpkit.core.Verification;
import dev.otpkit.spring.OtpAuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Back to the page the code came from, with the word of its error: the status in lower case,
 * {@code backup_invalid} for a wrong backup code, {@code other_action} for a code issued for
 * another action, and {@code until} (epoch seconds) with a lock.
 */
@Component
public class CodeFailureHandler implements AuthenticationFailureHandler {
    private final ScopeProbe probe;
    private final HttpSessionSecurityContextRepository sessionContext = new HttpSessionSecurityContextRepository();

    CodeFailureHandler(ScopeProbe probe) {
        this.probe = probe;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        Verification.Status status = exception instanceof OtpAuthenticationException otp ? otp.status()
                : Verification.Status.INVALID;
        boolean email = request.getRequestURI().equals(request.getContextPath() + LoginPages.EMAIL_PAGE);
        String word = status.name().toLowerCase(Locale.ROOT);
        if (email && isOtherActionsCode(request, status)) {
            word = "other_action";
        } else if (!email && status == Verification.Status.INVALID && isBlank(request.getParameter("code"))) {
            word = "backup_invalid";
        }
        String target = (email ? LoginPages.EMAIL_PAGE : LoginPages.CODE_PAGE) + "?error=" + word;
        if (exception instanceof OtpAuthenticationException otp && status == Verification.Status.LOCKED) {
            target += otp.retryAfter().map(until -> "&until=" + until.getEpochSecond()).orElse("");
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    private boolean isOtherActionsCode(HttpServletRequest request, Verification.Status status) {
        // The filter cleared the security context before calling this handler; the session still holds it.
        var user = sessionContext.loadDeferredContext(request).get().getAuthentication();
        return user != null
                && probe.isOtherActionsCode(user.getName(), status, ScopeProbe.CHANGE_EMAIL, request.getParameter("code"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
