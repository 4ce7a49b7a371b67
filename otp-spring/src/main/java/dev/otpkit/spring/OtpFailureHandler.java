package dev.otpkit.spring;

import dev.otpkit.core.Verification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The default failure handler: back to the code page with {@code ?error=} and the status in
 * lower case ({@code invalid}, {@code malformed}, {@code replayed}, {@code locked},
 * {@code expired}, {@code unavailable}), which the generated page turns into a sentence.
 */
final class OtpFailureHandler implements AuthenticationFailureHandler {
    private final String page;

    OtpFailureHandler(String page) {
        this.page = page;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        Verification.Status status = exception instanceof OtpAuthenticationException otp ? otp.status()
                : Verification.Status.INVALID;
        response.sendRedirect(Requests.url(request, page + "?error=" + word(status)));
    }

    static String word(Verification.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
