package dev.otpkit.spring;

import dev.otpkit.core.SecurityEvent;
import dev.otpkit.core.SecurityEventListener;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns otpkit's {@link SecurityEvent}s into Spring application events: set it as the
 * {@code eventListener(...)} of otpkit's services (the starter does), and listen with
 * {@code @EventListener void on(SecurityEvent event)}. Spring delivers them synchronously on the
 * thread of the check, as otpkit does: a listener should be fast and must not throw, or hand the
 * work over with {@code @Async}.
 */
public final class SecurityEventPublisher implements SecurityEventListener {
    private final ApplicationEventPublisher publisher;

    /**
     * Publishes through a publisher, such as the application context.
     *
     * @param publisher the publisher
     * @throws NullPointerException if {@code publisher} is null
     */
    public SecurityEventPublisher(ApplicationEventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public void onEvent(SecurityEvent event) {
        publisher.publishEvent(event);
    }
}
