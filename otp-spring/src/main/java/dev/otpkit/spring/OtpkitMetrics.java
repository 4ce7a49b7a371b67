package dev.otpkit.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.ApplicationListener;

/**
 * Micrometer counters of otpkit's sign-in checks, from {@link OtpVerificationEvent}s:
 * {@value #VERIFICATIONS} tagged {@code kind} ({@code totp}, {@code backup_code},
 * {@code email_code}) and {@code outcome} ({@code valid}, {@code invalid}, {@code replayed},
 * {@code locked}, ...), and {@value #LOCKOUTS}, the checks refused because the account is
 * locked. Needs Micrometer on the class path; the starter registers it when there is a
 * {@code MeterRegistry}.
 */
public final class OtpkitMetrics implements ApplicationListener<OtpVerificationEvent> {
    /** The counter of checked codes: {@value}. */
    public static final String VERIFICATIONS = "otpkit.verifications";
    /** The counter of checks refused because the account is locked: {@value}. */
    public static final String LOCKOUTS = "otpkit.lockouts";

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
    public void onApplicationEvent(OtpVerificationEvent event) {
        String outcome = event.status().name().toLowerCase(Locale.ROOT);
        Counter.builder(VERIFICATIONS).description("second-factor codes checked at sign-in")
                .tag("kind", event.factor().name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
                .register(registry).increment();
        if (event.status() == dev.otpkit.core.Verification.Status.LOCKED) {
            Counter.builder(LOCKOUTS).description("sign-in checks refused because the account is locked")
                    .register(registry).increment();
        }
    }
}
