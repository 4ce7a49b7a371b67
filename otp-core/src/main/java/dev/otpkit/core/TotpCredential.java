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
    /** Between the account id and the credential id in the replay guard's key. */
    private static final char REPLAY_KEY_SEPARATOR = '/';

    private final String id;
    private final String accountId;
    private final OtpSecret secret;
    private final Totp totp;
    private final long confirmedStep;
    /** Computed once, so that a login allocates no key. */
    private final String replayKey;

    private TotpCredential(String id, String accountId, OtpSecret secret, Totp totp, long confirmedStep) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.totp = Objects.requireNonNull(totp, "totp");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        Hotp.requireCounter(confirmedStep);
        this.confirmedStep = confirmedStep;
        this.replayKey = replayKey(accountId, id);
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
     * @throws IllegalArgumentException if {@code id} is empty or {@code confirmedStep} is negative
     */
    public static TotpCredential restore(String id, String accountId, OtpSecret secret, Totp totp,
            long confirmedStep) {
        return new TotpCredential(id, accountId, secret, totp, confirmedStep);
    }

    /** The replay guard's key for one authenticator of an account: {@code accountId + "/" + id}. */
    static String replayKey(String accountId, String credentialId) {
        return accountId + REPLAY_KEY_SEPARATOR + credentialId;
    }

    /**
     * Returns the id that tells this authenticator from the account's others: the id of the
     * enrolment that made it ({@link PendingEnrollment#id()}).
     *
     * @return the id, 26 Base32 characters for credentials made by {@link Enrollments}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the key under which the replay guard remembers this credential's accepted steps.
     *
     * @return {@code accountId() + "/" + id()}
     */
    String replayKey() {
        return replayKey;
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
