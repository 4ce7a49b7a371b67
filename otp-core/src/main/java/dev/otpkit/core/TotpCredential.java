package dev.otpkit.core;

import java.util.Objects;

/**
 * An account's active TOTP authenticator: what an application persists once an enrolment is
 * confirmed, and what it verifies logins against. Immutable and thread-safe; its
 * {@link #toString()} never shows the secret.
 *
 * <p>Persist the secret sealed ({@link SecretSealer}), the parameters and the confirmed step;
 * {@link #restore} rebuilds the credential. Verify a login with the same verifier the enrolment
 * used, so that the code that confirmed the enrolment cannot be replayed at the first login:
 * <pre>{@code
 * verifier.withTotp(credential.totp()).verify(credential.accountId(), credential.secret(), code)
 * }</pre>
 */
public final class TotpCredential {
    private final String accountId;
    private final OtpSecret secret;
    private final Totp totp;
    private final long confirmedStep;

    private TotpCredential(String accountId, OtpSecret secret, Totp totp, long confirmedStep) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.totp = Objects.requireNonNull(totp, "totp");
        Hotp.requireCounter(confirmedStep);
        this.confirmedStep = confirmedStep;
    }

    /**
     * Rebuilds a credential from what the application stored.
     *
     * @param accountId the account, as the application names it
     * @param secret the secret
     * @param totp the code parameters
     * @param confirmedStep the time step whose code confirmed the enrolment, 0 or more
     * @return the credential
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code confirmedStep} is negative
     */
    public static TotpCredential restore(String accountId, OtpSecret secret, Totp totp, long confirmedStep) {
        return new TotpCredential(accountId, secret, totp, confirmedStep);
    }

    /**
     * Returns the account.
     *
     * @return the account id, as the application names it
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the shared secret; store it sealed.
     *
     * @return the secret
     */
    public OtpSecret secret() {
        return secret;
    }

    /**
     * Returns the code parameters the user's app was enrolled with.
     *
     * @return the TOTP parameters
     */
    public Totp totp() {
        return totp;
    }

    /**
     * Returns the time step whose code confirmed the enrolment. An application that keeps
     * accepted steps in its own store seeds the account's last accepted step with it, so the
     * confirming code is not accepted again at the first login.
     *
     * @return the step, 0 or more
     */
    public long confirmedStep() {
        return confirmedStep;
    }

    /**
     * Describes the credential without its secret.
     *
     * @return for example {@code "TotpCredential[alice, Totp[SHA1, 6 digits, 30 s], confirmed at step 5]"}
     */
    @Override
    public String toString() {
        return "TotpCredential[" + accountId + ", " + totp + ", confirmed at step " + confirmedStep + "]";
    }
}
