package dev.otpkit.spring;

import dev.otpkit.core.Verification;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * A second-factor code was checked at sign-in: a Spring application event, published for every
 * code submitted to otpkit's processing URLs (listen with {@code @EventListener}). Carries the
 * account, the kind of code and the outcome; never the code.
 */
public final class OtpVerificationEvent extends ApplicationEvent {
    private static final long serialVersionUID = 1L;

    /** What the code was checked as. */
    private final SecondFactor factor;
    /** The outcome. */
    private final Verification.Status status;

    /**
     * Makes an event.
     *
     * @param accountId the signed-in account the code was checked for (the event's source)
     * @param factor what the code was checked as
     * @param status the outcome
     * @throws NullPointerException if an argument is null
     */
    public OtpVerificationEvent(String accountId, SecondFactor factor, Verification.Status status) {
        super(Objects.requireNonNull(accountId, "accountId"));
        this.factor = Objects.requireNonNull(factor, "factor");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * The account the code was checked for.
     *
     * @return the account id, as {@code Authentication.getName()} named it
     */
    public String accountId() {
        return (String) getSource();
    }

    /**
     * What the code was checked as.
     *
     * @return the kind of code
     */
    public SecondFactor factor() {
        return factor;
    }

    /**
     * The outcome; {@code INVALID} also when the account had no credential.
     *
     * @return the status
     */
    public Verification.Status status() {
        return status;
    }

    /**
     * Describes the event.
     *
     * @return the account, the kind and the outcome
     */
    @Override
    public String toString() {
        return "OtpVerificationEvent[" + accountId() + ", " + factor + ", " + status + "]";
    }
}
