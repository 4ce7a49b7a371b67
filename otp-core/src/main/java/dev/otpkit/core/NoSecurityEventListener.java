package dev.otpkit.core;

import java.util.Objects;

/** {@link SecurityEventListener#none()}: ignores every event; services make none for it. */
enum NoSecurityEventListener implements SecurityEventListener {
    INSTANCE;

    @Override
    public void onEvent(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
    }

    @Override
    public String toString() {
        return "SecurityEventListener.none()";
    }
}
