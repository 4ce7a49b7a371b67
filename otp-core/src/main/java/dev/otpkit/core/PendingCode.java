package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link OneTimeCodeStore} keeps about the code pending for one account and scope: the
 * code's keyed hash (never the code), when it was issued and expires, and how many attempts
 * have been made on it. Immutable and thread-safe.
 *
 * <p>A store that persists codes saves every field and rebuilds the value with the
 * constructor; the {@linkplain #issueId() issue id} tells one issue of a code from the next.
 */
public final class PendingCode {
    private final String accountId;
    private final String scope;
    private final String issueId;
    private final byte[] hash;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final int attempts;

    /**
     * Makes a pending code, as {@link OneTimeCodes} does when it issues one, or a store does
     * when it reads one back.
     *
     * @param accountId the account the code was issued to
     * @param scope the action the code was issued for
     * @param issueId the random id of this issue
     * @param hash the code's keyed hash; copied
     * @param issuedAt when the code was issued
     * @param expiresAt from when the code is refused
     * @param attempts how many attempts have been made on the code, 0 or more
     * @throws NullPointerException if any reference is null
     * @throws IllegalArgumentException if {@code attempts} is negative or {@code hash} is empty
     */
    public PendingCode(String accountId, String scope, String issueId, byte[] hash, Instant issuedAt,
            Instant expiresAt, int attempts) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.issueId = Objects.requireNonNull(issueId, "issueId");
        this.hash = Objects.requireNonNull(hash, "hash").clone();
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (this.hash.length == 0) {
            throw new IllegalArgumentException("hash must not be empty");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 or more, was " + attempts);
        }
        this.attempts = attempts;
    }

    /**
     * Returns the account the code was issued to.
     *
     * @return the account id
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the action the code was issued for, such as {@code "login"}.
     *
     * @return the scope
     */
    public String scope() {
        return scope;
    }

    /**
     * Returns the random id of this issue, different for every code issued.
     *
     * @return the issue id, 22 URL-safe Base64 characters when made by {@link OneTimeCodes}
     */
    public String issueId() {
        return issueId;
    }

    /**
     * Returns the code's keyed hash (HMAC-SHA-256 under the server key).
     *
     * @return a copy of the hash, 32 bytes when made by {@link OneTimeCodes}
     */
    public byte[] hash() {
        return hash.clone();
    }

    /**
     * Returns when the code was issued.
     *
     * @return the instant of issue
     */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * Returns from when the code is refused as expired.
     *
     * @return the expiry instant
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Returns how many attempts have been made on the code, right or wrong.
     *
     * @return the number of attempts, 0 or more
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns this pending code with another attempt count.
     *
     * @param attempts the new count, 0 or more
     * @return a new pending code
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public PendingCode withAttempts(int attempts) {
        return new PendingCode(accountId, scope, issueId, hash, issuedAt, expiresAt, attempts);
    }

    /**
     * Describes the pending code without its hash.
     *
     * @return for example {@code "PendingCode[alice/login, expires 2026-11-22T10:10:00Z, 2 attempts]"}
     */
    @Override
    public String toString() {
        return "PendingCode[" + accountId + "/" + scope + ", expires " + expiresAt + ", " + attempts + " attempts]";
    }
}
