package dev.otpkit.spring;

import dev.otpkit.core.StoreException;
import dev.otpkit.core.Verification;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Checks a {@link SecondFactorAuthenticationToken} for the first factor's principal and, if the
 * code is valid, answers the first factor's authentication with the factor's authority added
 * (through {@code toBuilder()}, so the authentication keeps its type, principal and details).
 */
final class SecondFactorAuthenticationProvider implements AuthenticationProvider {
    private final SecondFactorChecks checks;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SecondFactorAuthenticationProvider(SecondFactorChecks checks, Clock clock, ApplicationEventPublisher events) {
        this.checks = checks;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SecondFactorAuthenticationToken request = (SecondFactorAuthenticationToken) authentication;
        Authentication firstFactor = request.firstFactor();
        Verification verification = check(request, firstFactor.getName());
        if (!verification.isValid()) {
            throw new OtpAuthenticationException(verification.status(), verification.retryAfter());
        }
        FactorGrantedAuthority granted = FactorGrantedAuthority.withAuthority(request.factor().authority())
                .issuedAt(clock.instant()).build();
        return firstFactor.toBuilder().authorities(authorities -> {
            authorities.removeIf(a -> a.getAuthority().equals(granted.getAuthority()));
            authorities.add(granted);
        }).build();
    }

    private Verification check(SecondFactorAuthenticationToken request, String accountId) {
        Optional<Verification> verification;
        try {
            verification = checks.check(request.factor(), accountId, (String) request.getCredentials());
        } catch (StoreException e) {
            events.publishEvent(new OtpVerificationEvent(accountId, request.factor(), Verification.Status.UNAVAILABLE));
            throw new OtpAuthenticationException(Verification.Status.UNAVAILABLE, Optional.empty(), e);
        }
        if (verification.isEmpty()) {
            events.publishEvent(new OtpVerificationEvent(accountId, request.factor(), Verification.Status.INVALID));
            throw new OtpAuthenticationException(Verification.Status.INVALID, Optional.empty());
        }
        events.publishEvent(new OtpVerificationEvent(accountId, request.factor(), verification.get().status()));
        return verification.get();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SecondFactorAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
