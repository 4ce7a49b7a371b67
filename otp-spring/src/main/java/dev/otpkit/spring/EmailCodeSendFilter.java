package dev.otpkit.spring;

import dev.otpkit.core.IssuedCode;
import dev.otpkit.core.OneTimeCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issues an email code for the signed-in account (POST to the send URL) and hands it to the
 * application's {@link OneTimeCodeSender}; the code is bound to that account and can only be
 * checked for it. Nobody signed in: 401, nothing issued.
 */
final class EmailCodeSendFilter extends OncePerRequestFilter {
    private final RequestMatcher send;
    private final Urls urls;
    private final OneTimeCodes codes;
    private final OneTimeCodeSender sender;
    private final SecurityContextHolderStrategy holder;

    EmailCodeSendFilter(Urls urls, OneTimeCodes codes, OneTimeCodeSender sender, SecurityContextHolderStrategy holder) {
        this.send = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, urls.emailSend());
        this.urls = urls;
        this.codes = codes;
        this.sender = sender;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!send.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication user = Requests.signedInOrUnauthorized(holder, response);
        if (user == null) {
            return;
        }
        IssuedCode issued = codes.issue(user.getName(), SecondFactorChecks.EMAIL_SCOPE);
        sender.send(user.getName(), issued);
        response.sendRedirect(Requests.url(request, urls.emailPage() + "?sent"));
    }
}
