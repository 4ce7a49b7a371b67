package dev.otpkit.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Serves the generated code pages (GET): the TOTP page with its backup-code form, and the email-code page. */
final class OtpPageFilter extends OncePerRequestFilter {
    private final Urls urls;
    private final RequestMatcher codePage;
    private final RequestMatcher emailPage;
    private final boolean backupCodes;

    OtpPageFilter(Urls urls, boolean codePage, boolean emailPage, boolean backupCodes) {
        this.urls = urls;
        this.codePage = codePage ? get(urls.codePage()) : request -> false;
        this.emailPage = emailPage ? get(urls.emailPage()) : request -> false;
        this.backupCodes = backupCodes;
    }

    static RequestMatcher get(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (codePage.matches(request)) {
            String email = urls.emailProcessing() == null ? null : Requests.url(request, urls.emailPage());
            Requests.html(response, OtpPages.codePage(Requests.url(request, urls.codeProcessing()),
                    Requests.csrf(request), Requests.error(request), backupCodes, email));
        } else if (emailPage.matches(request)) {
            Requests.html(response, OtpPages.emailCodePage(Requests.url(request, urls.emailProcessing()),
                    Requests.url(request, urls.emailSend()), Requests.csrf(request), Requests.error(request),
                    request.getParameter("sent") != null));
        } else {
            chain.doFilter(request, response);
        }
    }
}
