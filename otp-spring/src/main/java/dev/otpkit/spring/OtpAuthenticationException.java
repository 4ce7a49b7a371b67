package dev.otpkit.spring;

import dev.otpkit.core.Verification;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;

/**
 * A second-factor code was refused: why, in otpkit's one status vocabulary, and when to retry if
 * the account is locked. A failure handler reads {@link #status()} to answer; the message holds
 * no code and no account.
 */
public final class OtpAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    /** Why the code was refused. */
    private final Verification.Status status;
    /** When to retry, or null; not serialized. */
    private final transient Instant retryAfter;

    OtpAuthenticationException(Verification.Status status, Optional<Instant> retryAfter) {
        this(status, retryAfter, null);
    }

    OtpAuthenticationException(Verification.Status status, Optional<Instant> retryAfter, Throwable cause) {
        super("second factor refused: " + status, cause);
        this.status = Objects.requireNonNull(status, "status");
        this.retryAfter = retryAfter.orElse(null);
    }

    /**
     * Why the code was refused: {@code INVALID} (also when the account has no credential, or
     * nobody is signed in), {@code MALFORMED}, {@code REPLAYED}, {@code LOCKED}, {@code EXPIRED}
     * (email codes) or {@code UNAVAILABLE} (a store is full or down).
     *
     * @return the status; never {@code VALID}
     */
    public Verification.Status status() {
        return status;
    }

    /**
     * When a locked account or a full store may be tried again.
     *
     * @return the instant, if the check could tell
     */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
