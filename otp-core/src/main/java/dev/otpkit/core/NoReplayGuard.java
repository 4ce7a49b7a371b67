package dev.otpkit.core;

import java.time.Instant;
import java.util.Objects;

/** {@link ReplayGuard#none()}: remembers nothing, accepts every step. */
enum NoReplayGuard implements ReplayGuard {
    INSTANCE;

    @Override
    public boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(authenticatorId, "authenticatorId");
        Objects.requireNonNull(keepUntil, "keepUntil");
        return true;
    }

    @Override
    public String toString() {
        return "ReplayGuard.none()";
    }
}
