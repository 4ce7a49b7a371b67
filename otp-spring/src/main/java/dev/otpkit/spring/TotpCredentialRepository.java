package dev.otpkit.spring;

import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.TotpCredential;
import java.util.Optional;

/**
 * Where each account's active TOTP credential and its pending enrolment live. Implementations:
 * {@link #inMemory()} (one instance only: state is lost on restart and not shared between
 * servers) and {@link JdbcTotpCredentialRepository} (otp-jdbc, secrets sealed). Implementations
 * are thread-safe; a store failure is a {@link dev.otpkit.core.StoreException}.
 */
public interface TotpCredentialRepository {
    /**
     * Returns an account's active credential.
     *
     * @param accountId the account, as {@code Authentication.getName()} names it
     * @return the credential, or empty if the account has none
     */
    Optional<TotpCredential> credential(String accountId);

    /**
     * Saves an account's pending enrolment, replacing any older one.
     *
     * @param pending the enrolment, as {@code Enrollments.start} made it
     */
    void savePending(PendingEnrollment pending);

    /**
     * Returns an account's pending enrolment.
     *
     * @param accountId the account
     * @return the enrolment, or empty if there is none
     */
    Optional<PendingEnrollment> pending(String accountId);

    /**
     * Makes a confirmed credential the account's active one, replacing the one before, and
     * removes the pending enrolment it came from, atomically.
     *
     * @param credential the credential {@code Enrollments.confirm} gave
     * @return whether it was activated; false if its pending enrolment was replaced or
     *     activated meanwhile
     */
    boolean activate(TotpCredential credential);

    /**
     * A bounded-by-nothing map in this JVM: for tests and single-instance applications only.
     *
     * @return a new, empty repository
     */
    static TotpCredentialRepository inMemory() {
        return new InMemoryTotpCredentialRepository();
    }
}
