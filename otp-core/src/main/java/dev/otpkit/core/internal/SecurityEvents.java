package dev.otpkit.core.internal;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import java.time.Clock;
import java.time.Instant;

/**
 * How otpkit's services report {@link SecurityEvent}s: an event is made only for a listener
 * other than {@link SecurityEventListener#none()}, so that a service without a listener
 * allocates nothing and reads no clock for events.
 */
public final class SecurityEvents {
    private SecurityEvents() {
    }

    /**
     * Tells whether anyone listens, so that an event is worth making.
     *
     * @param listener the service's listener
     * @return {@code false} for {@link SecurityEventListener#none()}
     */
    public static boolean isListening(SecurityEventListener listener) {
        return listener != SecurityEventListener.none();
    }

    /**
     * Reports an event that carries the account and the time only, timed now by the service's
     * clock, if anyone listens. Whatever the listener throws reaches the caller.
     *
     * @param listener the service's listener
     * @param kind a kind made by {@link SecurityEvent#of}
     * @param accountId the account
     * @param clock the service's clock
     */
    public static void report(SecurityEventListener listener, SecurityEvent.Kind kind, String accountId, Clock clock) {
        if (isListening(listener)) {
            listener.onEvent(SecurityEvent.of(kind, accountId, clock.instant()));
        }
    }

    /**
     * Reports a failure the attempt limiter counted, {@link SecurityEvent.Kind#SECOND_FACTOR_FAILED}
     * or {@link SecurityEvent.Kind#CODE_REPLAYED}, then {@link SecurityEvent.Kind#ACCOUNT_LOCKED}
     * if counting the attempt started a lock, both timed now by the service's clock, if anyone
     * listens. Whatever the listener throws reaches the caller.
     *
     * @param listener the service's listener
     * @param kind the failure's kind
     * @param accountId the account
     * @param attempt the limiter's answer to the attempt that failed, which proceeded
     * @param clock the service's clock
     */
    public static void reportFailure(SecurityEventListener listener, SecurityEvent.Kind kind, String accountId,
            AttemptLimiter.Attempt attempt, Clock clock) {
        if (!isListening(listener)) {
            return;
        }
        Instant now = clock.instant();
        listener.onEvent(SecurityEvent.of(kind, accountId, now));
        if (attempt.startsLock()) {
            listener.onEvent(SecurityEvent.accountLocked(accountId, now, attempt.lockedUntil().orElseThrow()));
        }
    }
}
