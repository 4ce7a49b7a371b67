package dev.otpkit.core;

/**
 * Receives the {@link SecurityEvent}s of a service: set one on the builders of
 * {@link TotpVerifier}, {@link HotpVerifier}, {@link OneTimeCodes}, {@link Enrollments},
 * {@link SecretSealer} and otp-backup's {@code BackupCodes} to tell users about failed attempts,
 * locks, used backup codes and new authenticators, or to feed monitoring. Default
 * {@link #none()}: no event is even made.
 *
 * <pre>{@code
 * SecurityEventListener tellTheUser = event -> mailQueue.add(event);   // hand over, return at once
 * TotpVerifier verifier = TotpVerifier.builder(totp).eventListener(tellTheUser).build();
 * }</pre>
 *
 * <p>A service calls its listener synchronously, on the thread of the check, after it has
 * recorded the outcome (a failure counted, a code used up, a confirmation marked) and before
 * it returns. So a listener must be fast (queue slow work such as sending mail) and
 * thread-safe (checks run concurrently), and must not throw: an exception thrown by a listener
 * reaches the caller of the check instead of its outcome, while the outcome stays recorded
 * (the code stays used, the failure counted), and a second event of the same check is then not
 * delivered.
 */
@FunctionalInterface
public interface SecurityEventListener {

    /**
     * Receives one event.
     *
     * @param event what happened; never null
     */
    void onEvent(SecurityEvent event);

    /**
     * Returns the listener that ignores every event, the default of every builder: the services
     * then make no event at all.
     *
     * @return the shared do-nothing listener
     */
    static SecurityEventListener none() {
        return NoSecurityEventListener.INSTANCE;
    }
}
