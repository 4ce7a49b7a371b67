package dev.otpkit.core;

import java.util.Objects;

/**
 * An account's active TOTP authenticator: what an application persists once an enrolment is
 * confirmed, and what it verifies logins against. Immutable and thread-safe; its
 * {@link #toString()} never shows the secret.
 *
 * <p>Persist its id, the secret sealed ({@link SecretSealer}), the parameters and the confirmed
 * step; {@link #restore} rebuilds the credential. Verify logins with
 * {@link TotpVerifier#verify(TotpCredential, CharSequence)} on the verifier the enrolment used:
 * it remembers accepted codes per credential, so an old and a new authenticator of one account
 * do not refuse each other's codes during a re-enrolment, and it never accepts the code that
 * confirmed the enrolment.
 */
public final class TotpCredential {
    private final String id;
    private final String accountId;
    private final OtpSecret secret;
    private final Totp totp;
    private final long confirmedStep;

    private TotpCredential(String id, String accountId, OtpSecret secret, Totp totp, long confirmedStep) {
        this.id = requireId(id);
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.totp = Objects.requireNonNull(totp, "totp");
        Hotp.requireCounter(confirmedStep);
        this.confirmedStep = confirmedStep;
    }

    /**
     * Rebuilds a credential from what the application stored.
     *
     * @param id the credential's id, as {@link #id()} returned it
     * @param accountId the account, as the application names it
     * @param secret the secret
     * @param totp the code parameters
     * @param confirmedStep the time step whose code confirmed the enrolment, 0 or more
     * @return the credential
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code id} is empty or starts with {@code "enrollment:"},
     *     or {@code confirmedStep} is negative
     */
    public static TotpCredential restore(String id, String accountId, OtpSecret secret, Totp totp,
            long confirmedStep) {
        return new TotpCredential(id, accountId, secret, totp, confirmedStep);
    }

    /**
     * Checks the id of a credential or of the enrolment that makes it. The replay guard keeps
     * the ids it does not take from credentials out of their way: the empty
     * {@link ReplayGuard#ACCOUNT_AUTHENTICATOR} and the marks of confirmed enrolments, which
     * start with {@link Enrollments#CONFIRMATION_PREFIX}.
     */
    static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.startsWith(Enrollments.CONFIRMATION_PREFIX)) {
            throw new IllegalArgumentException("id must not be empty nor start with \""
                    + Enrollments.CONFIRMATION_PREFIX + "\" (reserved for the replay guard)");
        }
        return id;
    }

    /**
     * Returns the id that tells this authenticator from the account's others: the id of the
     * enrolment that made it ({@link PendingEnrollment#id()}). The replay guard remembers the
     * credential's accepted steps under its account and this id.
     *
     * @return the id, never empty; 26 Base32 characters for credentials made by
     *     {@link Enrollments}
     */
    public String id() {
        return id;
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
     * Returns the time step whose code confirmed the enrolment.
     * {@link TotpVerifier#verify(TotpCredential, CharSequence)} refuses this step and older ones,
     * so the confirming code is never accepted at a login, whatever the replay guard remembers.
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
