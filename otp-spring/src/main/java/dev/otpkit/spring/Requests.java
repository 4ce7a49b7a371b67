package dev.otpkit.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.CsrfToken;

/** What otpkit's filters read from a request and how they answer it. */
final class Requests {
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private Requests() {
    }

    /** The signed-in (not anonymous) authentication, or null. */
    static Authentication signedIn(SecurityContextHolderStrategy holder) {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || TRUST.isAnonymous(authentication)) {
            return null;
        }
        return authentication;
    }

    /** The signed-in authentication; or null, having answered 401. */
    static Authentication signedInOrUnauthorized(SecurityContextHolderStrategy holder, HttpServletResponse response)
            throws IOException {
        Authentication user = signedIn(holder);
        if (user == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return user;
    }

    static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    static OtpPages.Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? OtpPages.Csrf.NONE : new OtpPages.Csrf(token.getParameterName(), token.getToken());
    }

    /** The {@code error} parameter if it is one of the known words, else "invalid"; null if absent. */
    static String error(HttpServletRequest request) {
        String error = request.getParameter("error");
        if (error == null) {
            return null;
        }
        return error.matches("[a-z_]{1,20}") ? error : "invalid";
    }

    static String url(HttpServletRequest request, String path) {
        return request.getContextPath() + path;
    }

    static void html(HttpServletResponse response, String page) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
