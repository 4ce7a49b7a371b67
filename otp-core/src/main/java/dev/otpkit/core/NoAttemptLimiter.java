package dev.otpkit.core;

import java.util.Objects;

/** {@link AttemptLimiter#none()}: counts nothing, never locks. */
enum NoAttemptLimiter implements AttemptLimiter {
    INSTANCE;

    @Override
    public Attempt beginAttempt(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return Attempt.proceed();
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
