package dev.otpkit.spring;

import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A request to check a code for the first factor's principal. It carries the authentication of
 * the first factor itself, never a user name from the request: whose code this is cannot be
 * chosen by the client (the pitfall of Spring Security issue #18112). Never authenticated.
 */
final class SecondFactorAuthenticationToken extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final Authentication firstFactor;
    private final SecondFactor factor;
    private transient String code;

    SecondFactorAuthenticationToken(Authentication firstFactor, SecondFactor factor, String code) {
        super(List.of());
        this.firstFactor = Objects.requireNonNull(firstFactor, "firstFactor");
        this.factor = Objects.requireNonNull(factor, "factor");
        this.code = code;
        setAuthenticated(false);
    }

    Authentication firstFactor() {
        return firstFactor;
    }

    SecondFactor factor() {
        return factor;
    }

    @Override
    public Object getCredentials() {
        return code;
    }

    @Override
    public Object getPrincipal() {
        return firstFactor.getPrincipal();
    }

    @Override
    public String getName() {
        return firstFactor.getName();
    }

    @Override
    public void eraseCredentials() {
        code = null;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
