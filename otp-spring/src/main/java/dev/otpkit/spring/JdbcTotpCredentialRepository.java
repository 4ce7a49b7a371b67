package dev.otpkit.spring;

import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.StoreException;
import dev.otpkit.core.TotpCredential;
import dev.otpkit.core.UnsealException;
import dev.otpkit.jdbc.JdbcCredentialStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials in the database through otp-jdbc's {@link JdbcCredentialStore} (secrets sealed).
 * Needs otp-jdbc on the class path. A stored secret that does not open (altered, or sealed with
 * a key this server was not given) is a {@link StoreException}: the factor is then unavailable
 * rather than skipped.
 */
public final class JdbcTotpCredentialRepository implements TotpCredentialRepository {
    private final JdbcCredentialStore store;

    /**
     * Wraps a store.
     *
     * @param store the store, on tables created by {@code OtpkitSchema} or the Flyway migrations
     * @throws NullPointerException if {@code store} is null
     */
    public JdbcTotpCredentialRepository(JdbcCredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<TotpCredential> credential(String accountId) {
        try {
            return store.credential(accountId);
        } catch (UnsealException e) {
            throw new StoreException("a stored TOTP credential does not open", e);
        }
    }

    @Override
    public void savePending(PendingEnrollment pending) {
        store.savePending(pending);
    }

    @Override
    public Optional<PendingEnrollment> pending(String accountId) {
        try {
            return store.pending(accountId);
        } catch (UnsealException e) {
            throw new StoreException("a stored pending enrolment does not open", e);
        }
    }

    @Override
    public boolean activate(TotpCredential credential) {
        return store.activate(credential);
    }

    @Override
    public String toString() {
        return "JdbcTotpCredentialRepository[" + store + "]";
    }
}
