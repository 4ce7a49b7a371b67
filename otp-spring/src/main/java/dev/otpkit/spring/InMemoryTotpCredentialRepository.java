package dev.otpkit.spring;

import dev.otpkit.core.PendingEnrollment;
import dev.otpkit.core.TotpCredential;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link TotpCredentialRepository#inMemory()}. */
final class InMemoryTotpCredentialRepository implements TotpCredentialRepository {
    private final ConcurrentMap<String, TotpCredential> credentials = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, PendingEnrollment> pending = new ConcurrentHashMap<>();

    @Override
    public Optional<TotpCredential> credential(String accountId) {
        return Optional.ofNullable(credentials.get(Objects.requireNonNull(accountId, "accountId")));
    }

    @Override
    public void savePending(PendingEnrollment enrollment) {
        pending.put(enrollment.accountId(), enrollment);
    }

    @Override
    public Optional<PendingEnrollment> pending(String accountId) {
        return Optional.ofNullable(pending.get(Objects.requireNonNull(accountId, "accountId")));
    }

    @Override
    public boolean activate(TotpCredential credential) {
        // The pending enrolment is removed only if it is still the one confirmed: remove(key,
        // value) is atomic, so of concurrent activations of one enrolment exactly one succeeds.
        PendingEnrollment current = pending.get(credential.accountId());
        if (current == null || !current.id().equals(credential.id()) || !pending.remove(credential.accountId(), current)) {
            return false;
        }
        credentials.put(credential.accountId(), credential);
        return true;
    }

    @Override
    public String toString() {
        return "TotpCredentialRepository.inMemory()";
    }
}
