package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An enrolment that has been started but not yet confirmed: a fresh secret shown to the user
 * (as a QR code of {@link #uri()}) and waiting for the first code of the user's app, until
 * {@link #expiresAt()}. Immutable and thread-safe; {@link #toString()} never shows the secret.
 *
 * <p>The application keeps it between the two requests, for example in its database with the
 * secret sealed ({@link SecretSealer}), and rebuilds it with {@link #restore}. It does not
 * replace the account's active credential: that happens only when
 * {@link Enrollments#confirm(PendingEnrollment, CharSequence)} succeeds.
 */
public final class PendingEnrollment {
    private final String id;
    private final String accountId;
    private final OtpAuthUri uri;
    private final Instant expiresAt;

    private PendingEnrollment(String id, String accountId, OtpAuthUri uri, Instant expiresAt) {
        this.id = TotpCredential.requireId(id);
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (uri.type() != OtpAuthUri.Type.TOTP) {
            throw new IllegalArgumentException("an enrolment is for TOTP, the URI is " + uri.type());
        }
    }

    /**
     * Rebuilds a pending enrolment from what the application stored; {@link Enrollments#start}
     * makes new ones the same way.
     *
     * @param id the enrolment's id, as {@link #id()} returned it
     * @param accountId the account, as the application names it
     * @param uri the enrolment's URI (secret, parameters, issuer and account name)
     * @param expiresAt when the enrolment expires
     * @return the pending enrolment
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the URI is not a TOTP URI, or the id is empty or starts
     *     with {@code "enrollment:"}
     */
    public static PendingEnrollment restore(String id, String accountId, OtpAuthUri uri, Instant expiresAt) {
        return new PendingEnrollment(id, accountId, uri, expiresAt);
    }

    /**
     * Returns the random id that tells this enrolment from any other, so that it is confirmed
     * at most once; the credential it makes keeps it as {@link TotpCredential#id()}.
     *
     * @return 26 Base32 characters (128 random bits)
     */
    public String id() {
        return id;
    }

    /**
     * Returns the account being enrolled.
     *
     * @return the account id, as the application names it
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the {@code otpauth://} URI to show the user, as a QR code or a link; it contains
     * the secret.
     *
     * @return the URI
     */
    public OtpAuthUri uri() {
        return uri;
    }

    /**
     * Returns the new secret; store it sealed.
     *
     * @return the secret
     */
    public OtpSecret secret() {
        return uri.secret();
    }

    /**
     * Returns the code parameters.
     *
     * @return the TOTP parameters the user's app will use
     */
    public Totp totp() {
        return uri.totp();
    }

    /**
     * Returns when the enrolment expires; from then on it cannot be confirmed.
     *
     * @return the expiry instant
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Describes the enrolment without its secret.
     *
     * @return for example {@code "PendingEnrollment[alice, expires 2026-11-22T10:10:00Z]"}
     */
    @Override
    public String toString() {
        return "PendingEnrollment[" + accountId + ", expires " + expiresAt + "]";
    }
}
