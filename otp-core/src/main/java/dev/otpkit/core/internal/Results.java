package dev.otpkit.core.internal;

import dev.otpkit.core.Verification;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes {@link Verification} outcomes outside {@code dev.otpkit.core}: for the internal
 * package, and for the otpkit modules this package is exported to. Applications cannot make
 * outcomes; only otpkit's checks do.
 *
 * <p>Verification keeps its factories package-private and hands them over through
 * {@link Factories}, which its static initializer {@linkplain #install installs} here (the
 * JDK's SharedSecrets idiom). Each method makes sure that has happened before it answers.
 */
public final class Results {
    /** Set once, by Verification's static initializer. */
    private static volatile Factories factories;

    private Results() {
    }

    /** The factories of {@link Verification}, as its static initializer hands them over. */
    public interface Factories {
        /**
         * A valid outcome without a counter.
         *
         * @return the outcome
         */
        Verification valid();

        /**
         * A valid outcome with the counter that matched.
         *
         * @param counter the TOTP time step or HOTP counter, 0 or more
         * @param drift the distance from the current step or expected counter, in steps
         * @return the outcome
         */
        Verification valid(long counter, int drift);

        /**
         * A well-formed code that did not match.
         *
         * @return the outcome
         */
        Verification invalid();

        /**
         * Input that is not a code.
         *
         * @return the outcome
         */
        Verification malformed();

        /**
         * A code accepted before.
         *
         * @return the outcome
         */
        Verification replayed();

        /**
         * A locked account.
         *
         * @param retryAfter when it may try again; {@link Instant#MAX} until reset
         * @return the outcome
         */
        Verification locked(Instant retryAfter);

        /**
         * A check that a full store prevented.
         *
         * @param retryAfter when the store expects room, if it can tell
         * @return the outcome
         */
        Verification unavailable(Optional<Instant> retryAfter);
    }

    /**
     * Installs Verification's factories; called by its static initializer, once.
     *
     * @param verificationFactories the factories
     * @throws IllegalStateException if factories were installed before
     */
    public static synchronized void install(Factories verificationFactories) {
        if (factories != null) {
            throw new IllegalStateException("the factories of Verification are installed already");
        }
        factories = Objects.requireNonNull(verificationFactories, "verificationFactories");
    }

    /**
     * A valid outcome of a check without counters, such as a backup code.
     *
     * @return the shared outcome
     */
    public static Verification valid() {
        return factories().valid();
    }

    /**
     * A valid TOTP or HOTP outcome.
     *
     * @param counter the time step or counter that matched, 0 or more
     * @param drift how far it was from the current step or expected counter, in steps
     * @return the outcome, with its {@link Verification#match()}
     */
    public static Verification valid(long counter, int drift) {
        return factories().valid(counter, drift);
    }

    /**
     * A well-formed code that did not match.
     *
     * @return the shared outcome
     */
    public static Verification invalid() {
        return factories().invalid();
    }

    /**
     * Input that is not a code of the expected shape.
     *
     * @return the shared outcome
     */
    public static Verification malformed() {
        return factories().malformed();
    }

    /**
     * A code accepted before, or older than one accepted before.
     *
     * @return the shared outcome
     */
    public static Verification replayed() {
        return factories().replayed();
    }

    /**
     * A refusal because the account is locked.
     *
     * @param retryAfter when the account may try again; {@link Instant#MAX} when only the
     *     application can unlock it
     * @return the outcome
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public static Verification locked(Instant retryAfter) {
        return factories().locked(retryAfter);
    }

    /**
     * A refusal because a store was full, not counted as a failure.
     *
     * @param retryAfter when the store expects room, such as {@link
     *     dev.otpkit.core.StoreFullException#retryAfter()}; empty if it cannot tell
     * @return the outcome
     * @throws NullPointerException if {@code retryAfter} is null
     */
    public static Verification unavailable(Optional<Instant> retryAfter) {
        return factories().unavailable(retryAfter);
    }

    private static Factories factories() {
        Factories installed = factories;
        return installed != null ? installed : initializeVerification();
    }

    /** Runs Verification's static initializer, which installs the factories, if it has not run. */
    private static Factories initializeVerification() {
        try {
            MethodHandles.lookup().ensureInitialized(Verification.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError("Verification is public in an exported package", e);
        }
        return factories;
    }
}
