package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link AttemptLimiter#none()}: counts nothing, never locks. */
enum NoAttemptLimiter implements AttemptLimiter {
    INSTANCE;

    @Override
    public Optional<Instant> beginAttempt(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return Optional.empty();
    }

    @Override
    public void recordSuccess(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public String toString() {
        return "AttemptLimiter.none()";
    }
}
