package dev.otpkit.jdbc;

import dev.otpkit.core.HmacAlgorithm;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.SecretSealer;
import dev.otpkit.core.StoreException;
import dev.otpkit.core.Totp;
import dev.otpkit.core.TotpCredential;
import dev.otpkit.core.UnsealException;
import dev.otpkit.jdbc.internal.Call;
import dev.otpkit.jdbc.internal.Columns;
import dev.otpkit.jdbc.internal.Database;
import dev.otpkit.jdbc.internal.Purge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each account's active TOTP credential and its pending enrolment, in database tables
 * ({@code otpkit_totp_credential}, {@code otpkit_pending_enrollment}), their secrets sealed with
 * a {@link SecretSealer}: no secret reaches the database in the clear, and a dump of it alone
 * reveals none. A secret is sealed for its account (the sealer's context is the account id), so
 * a sealed secret copied to another account's row does not open. Thread-safe.
 *
 * <pre>{@code
 * JdbcCredentialStore credentials = JdbcCredentialStore.builder(dataSource, sealer).build();
 * PendingEnrollment pending = enrollments.start(accountId, "Example", email);
 * credentials.savePending(pending);                        // show pending.uri() as a QR code
 * // next request, with the code from the user's app:
 * PendingEnrollment waiting = credentials.pending(accountId).orElseThrow();
 * EnrollmentConfirmation result = enrollments.confirm(waiting, code);
 * result.credential().ifPresent(credentials::activate);    // replaces the old credential
 * // at each login:
 * Verification login = verifier.verify(credentials.credential(accountId).orElseThrow(), code);
 * }</pre>
 *
 * <p>An account has at most one active credential and one pending enrolment; saving either
 * replaces the one before, in one upsert. {@link #activate} is one transaction that deletes
 * the pending enrolment the credential came from (a {@code DELETE} whose row count must be 1)
 * and saves the credential: of concurrent activations of one enrolment exactly one succeeds,
 * and a newer enrolment replaces an older one before it can be activated.
 *
 * <p>Instants are kept to the millisecond. Every method throws {@link StoreException} if
 * the database fails (the {@code SQLException} is its cause; the message holds no account id or
 * secret).
 */
public final class JdbcCredentialStore {
    /** Longest issuer or account name of a pending enrolment: 1,024 chars. */
    public static final int MAX_LABEL_LENGTH = 1024;

    private final Database database;
    private final SecretSealer sealer;
    private final Clock clock;

    private JdbcCredentialStore(Builder builder) {
        this.database = builder.database("JdbcCredentialStore");
        this.sealer = builder.sealer;
        this.clock = builder.clock();
    }

    /**
     * Starts a builder for a store on a data source; create its tables first with
     * {@link OtpkitSchema#create(DataSource)} or the Flyway migrations.
     *
     * @param dataSource the database, shared by every server of the application
     * @param sealer seals secrets before they are written and opens them when read; every
     *     server needs the same keys
     * @return a new builder
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(DataSource dataSource, SecretSealer sealer) {
        return new Builder(dataSource, sealer);
    }

    /**
     * Saves an account's active credential, replacing the one before, if any.
     *
     * @param credential the credential, as {@code EnrollmentConfirmation.credential()} gave it
     *     or restored
     * @throws NullPointerException if {@code credential} is null
     * @throws IllegalArgumentException if its account id or id is longer than 255 chars or holds
     *     U+0000 or an unpaired surrogate, or its T0 is not a whole number of milliseconds
     * @throws StoreException if the database fails
     */
    public void saveCredential(TotpCredential credential) {
        Objects.requireNonNull(credential, "credential");
        Call.Prepared save = saveCredentialCall(credential);
        database.call(session -> save.on(session).update());
    }

    /**
     * Returns an account's active credential.
     *
     * @param accountId the account
     * @return the credential with its secret opened, or empty if the account has none
     * @throws UnsealException if the stored secret does not open: altered, copied from another
     *     account, or sealed with a key the sealer was not given
     * @throws NullPointerException if {@code accountId} is null
     * @throws IllegalArgumentException if the account id is longer than 255 chars or holds
     *     U+0000 or an unpaired surrogate
     * @throws StoreException if the database fails
     */
    public Optional<TotpCredential> credential(String accountId) throws UnsealException {
        Columns.id("accountId", accountId);
        Optional<StoredSecret<StoredCredential>> stored = database.call(session -> session
                .statement("credential.find").set("account_id", accountId).single(StoredCredential::read));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredCredential row = stored.get().row;
        OtpSecret secret = sealer.unseal(stored.get().sealed, accountId);
        return Optional.of(TotpCredential.restore(row.id, accountId, secret, row.totp, row.confirmedStep));
    }

    /**
     * Deletes an account's active credential, so that its TOTP codes are no longer accepted.
     *
     * @param accountId the account
     * @return whether there was one
     * @throws NullPointerException if {@code accountId} is null
     * @throws IllegalArgumentException if the account id is longer than 255 chars or holds
     *     U+0000 or an unpaired surrogate
     * @throws StoreException if the database fails
     */
    public boolean deleteCredential(String accountId) {
        Columns.id("accountId", accountId);
        return database.call(session -> session.statement("credential.delete").set("account_id", accountId)
                .update() == 1);
    }

    /**
     * Saves an account's pending enrolment, replacing the one before, if any, which can then
     * no longer be activated.
     *
     * @param pending the enrolment, as {@code Enrollments.start} made it
     * @throws NullPointerException if {@code pending} is null
     * @throws IllegalArgumentException if its account id or id is longer than 255 chars or holds
     *     U+0000 or an unpaired surrogate, or its issuer or account name is longer than 1,024 chars
     * @throws StoreException if the database fails
     */
    public void savePending(PendingEnrollment pending) {
        Objects.requireNonNull(pending, "pending");
        String accountId = Columns.id("accountId", pending.accountId());
        Columns.id("id", pending.id());
        String issuer = pending.uri().issuer().orElse(null);
        String accountName = pending.uri().account();
        if (issuer != null && issuer.length() > MAX_LABEL_LENGTH || accountName.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("the issuer and the account name must be at most " + MAX_LABEL_LENGTH
                    + " chars");
        }
        String sealed = sealer.seal(pending.secret(), accountId);
        Totp totp = pending.totp();
        database.call(session -> session.statement("enrollment.save").set("account_id", accountId)
                .set("enrollment_id", pending.id()).set("sealed_secret", sealed).set("issuer", issuer)
                .set("account_name", accountName).set("algorithm", totp.algorithm().name())
                .set("digits", totp.digits()).set("period_seconds", totp.period().getSeconds())
                .set("expires_at_ms", Columns.millis(pending.expiresAt())).update());
    }

    /**
     * Returns an account's pending enrolment if it has not expired by the clock's now.
     *
     * @param accountId the account
     * @return the enrolment with its secret opened, or empty if none is pending
     * @throws UnsealException if the stored secret does not open
     * @throws NullPointerException if {@code accountId} is null
     * @throws IllegalArgumentException if the account id is longer than 255 chars or holds
     *     U+0000 or an unpaired surrogate
     * @throws StoreException if the database fails
     */
    public Optional<PendingEnrollment> pending(String accountId) throws UnsealException {
        Columns.id("accountId", accountId);
        long now = clock.millis();
        Optional<StoredSecret<StoredEnrollment>> stored = database.call(session -> session
                .statement("enrollment.find").set("account_id", accountId).set("now_ms", now)
                .single(StoredEnrollment::read));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredEnrollment row = stored.get().row;
        OtpAuthUri.Builder uri = OtpAuthUri.builder().secret(sealer.unseal(stored.get().sealed, accountId))
                .account(row.accountName).totp(row.totp);
        if (row.issuer != null) {
            uri.issuer(row.issuer);
        }
        return Optional.of(PendingEnrollment.restore(row.id, accountId, uri.build(), row.expiresAt));
    }

    /**
     * Makes a confirmed enrolment's credential the account's active one: in one transaction,
     * deletes the pending enrolment it came from (the one whose id is the credential's id) and
     * saves the credential in place of the account's old one. Call it with the credential of a
     * valid {@code EnrollmentConfirmation}.
     *
     * @param credential the new credential
     * @return {@code true} if this call activated it; {@code false}, changing nothing, if its
     *     enrolment is no longer pending: activated already (by a concurrent call too), replaced
     *     by a newer enrolment, or purged
     * @throws NullPointerException if {@code credential} is null
     * @throws IllegalArgumentException as {@link #saveCredential} does
     * @throws StoreException if the database fails; nothing is changed then
     */
    public boolean activate(TotpCredential credential) {
        Objects.requireNonNull(credential, "credential");
        Call.Prepared save = saveCredentialCall(credential);
        return database.transaction(session -> {
            int consumed = session.statement("enrollment.consume").set("account_id", credential.accountId())
                    .set("enrollment_id", credential.id()).update();
            if (consumed == 0) {
                return false;
            }
            save.on(session).update();
            return true;
        });
    }

    /**
     * Deletes at most {@code maxRows} pending enrolments that expired at or before the clock's
     * now; they can no longer be confirmed. One statement. Call it every hour or so from one
     * scheduled task, again while it returns {@code maxRows}; active credentials are never purged.
     *
     * @param maxRows the most rows to delete in this call, 1 to 100,000
     * @return the number of rows deleted; {@code maxRows} means more may remain
     * @throws IllegalArgumentException if {@code maxRows} is out of range
     * @throws StoreException if the database fails
     */
    public int purgeExpired(int maxRows) {
        return Purge.expired(database, "enrollment.purge", clock, maxRows);
    }

    /**
     * Describes the store; never a secret.
     *
     * @return for example {@code "JdbcCredentialStore[SecretSealer[keys [2026-11], sealing with 2026-11]]"}
     */
    @Override
    public String toString() {
        return "JdbcCredentialStore[" + sealer + "]";
    }

    /** Checks and seals a credential before any connection is taken. */
    private Call.Prepared saveCredentialCall(TotpCredential credential) {
        String accountId = Columns.id("accountId", credential.accountId());
        Columns.id("id", credential.id());
        Totp totp = credential.totp();
        if (totp.t0().getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("the credential's T0 must be a whole number of milliseconds");
        }
        String sealed = sealer.seal(credential.secret(), accountId);
        return new Call.Prepared("credential.save").set("account_id", accountId)
                .set("credential_id", credential.id()).set("sealed_secret", sealed)
                .set("algorithm", totp.algorithm().name()).set("digits", totp.digits())
                .set("period_seconds", totp.period().getSeconds()).set("t0_ms", Columns.millis(totp.t0()))
                .set("confirmed_step", credential.confirmedStep());
    }

    /** A row read, and its sealed secret, opened outside the connection. */
    private static final class StoredSecret<R> {
        final R row;
        final String sealed;

        StoredSecret(R row, String sealed) {
            this.row = row;
            this.sealed = sealed;
        }
    }

    private static final class StoredCredential {
        final String id;
        final Totp totp;
        final long confirmedStep;

        private StoredCredential(String id, Totp totp, long confirmedStep) {
            this.id = id;
            this.totp = totp;
            this.confirmedStep = confirmedStep;
        }

        static StoredSecret<StoredCredential> read(ResultSet row) throws SQLException {
            Totp totp = totp(row.getString(3), row.getInt(4), row.getLong(5)).t0(Instant.ofEpochMilli(row.getLong(6)))
                    .build();
            return new StoredSecret<>(new StoredCredential(row.getString(1), totp, row.getLong(7)), row.getString(2));
        }
    }

    private static final class StoredEnrollment {
        final String id;
        final String issuer;
        final String accountName;
        final Totp totp;
        final Instant expiresAt;

        private StoredEnrollment(String id, String issuer, String accountName, Totp totp, Instant expiresAt) {
            this.id = id;
            this.issuer = issuer;
            this.accountName = accountName;
            this.totp = totp;
            this.expiresAt = expiresAt;
        }

        static StoredSecret<StoredEnrollment> read(ResultSet row) throws SQLException {
            Totp totp = totp(row.getString(5), row.getInt(6), row.getLong(7)).build();
            return new StoredSecret<>(new StoredEnrollment(row.getString(1), row.getString(3), row.getString(4), totp,
                    Columns.instant(row.getLong(8))), row.getString(2));
        }
    }

    private static Totp.Builder totp(String algorithm, int digits, long periodSeconds) {
        return Totp.builder().algorithm(HmacAlgorithm.valueOf(algorithm)).digits(digits)
                .period(Duration.ofSeconds(periodSeconds));
    }

    /** Builds {@link JdbcCredentialStore} instances; not thread-safe. */
    public static final class Builder extends TimedStoreBuilder<Builder> {
        private final SecretSealer sealer;

        private Builder(DataSource dataSource, SecretSealer sealer) {
            super(dataSource);
            this.sealer = Objects.requireNonNull(sealer, "sealer");
        }

        /**
         * Builds the store. It connects on first use, not now.
         *
         * @return the store
         */
        public JdbcCredentialStore build() {
            return new JdbcCredentialStore(this);
        }
    }
}
