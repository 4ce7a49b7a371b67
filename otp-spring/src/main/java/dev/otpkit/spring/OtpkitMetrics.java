package dev.otpkit.spring;

import dev.otpkit.core.SecurityEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Micrometer counters of otpkit's checks: {@value #VERIFICATIONS}, the codes checked at
 * sign-in ({@link OtpVerificationEvent}s) tagged {@code kind} ({@code totp}, {@code backup_code},
 * {@code email_code}) and {@code outcome} ({@code valid}, {@code invalid}, {@code replayed},
 * {@code locked}, ...); {@value #LOCKOUTS}, the locks started ({@link SecurityEvent.Kind#ACCOUNT_LOCKED}
 * events, published by a {@link SecurityEventPublisher}); and {@value #SECURITY_EVENTS}, every
 * security event tagged {@code kind}. Needs Micrometer on the class path; the starter registers
 * it when there is a {@code MeterRegistry}.
 */
public final class OtpkitMetrics implements ApplicationListener<ApplicationEvent> {
    /** The counter of codes checked at sign-in: {@value}. */
    public static final String VERIFICATIONS = "otpkit.verifications";
    /** The counter of account locks started: {@value}. */
    public static final String LOCKOUTS = "otpkit.lockouts";
    /** The counter of security events: {@value}. */
    public static final String SECURITY_EVENTS = "otpkit.security.events";

    private final MeterRegistry registry;

    /**
     * Counts into a registry.
     *
     * @param registry the application's registry
     * @throws NullPointerException if {@code registry} is null
     */
    public OtpkitMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof OtpVerificationEvent verification) {
            Counter.builder(VERIFICATIONS).description("second-factor codes checked at sign-in")
                    .tag("kind", lowerCase(verification.factor())).tag("outcome", lowerCase(verification.status()))
                    .register(registry).increment();
        } else if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof SecurityEvent security) {
            Counter.builder(SECURITY_EVENTS).description("otpkit security events").tag("kind", lowerCase(security.kind()))
                    .register(registry).increment();
            if (security.kind() == SecurityEvent.Kind.ACCOUNT_LOCKED) {
                Counter.builder(LOCKOUTS).description("account locks started by failed attempts").register(registry)
                        .increment();
            }
        }
    }

    @Override
    public boolean supportsAsyncExecution() {
        return true;
    }

    private static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
