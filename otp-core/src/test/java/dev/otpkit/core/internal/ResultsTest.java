package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otpkit.core.Verification;
import dev.otpkit.core.Verification.Status;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Results, the way other otpkit modules make outcomes, reaches Verification's own factories. */
class ResultsTest {
    private static final Instant LATER = Instant.parse("2026-01-01T00:15:00Z");

    @Test
    void makesEveryOutcomeTheOtherModulesNeed() {
        assertEquals(Status.VALID, Results.valid().status());
        assertEquals(Optional.empty(), Results.valid().match());
        assertEquals(7, Results.valid(7, -1).match().orElseThrow().counter());
        assertEquals(Status.INVALID, Results.invalid().status());
        assertEquals(Status.MALFORMED, Results.malformed().status());
        assertEquals(Status.REPLAYED, Results.replayed().status());
        assertEquals(Optional.of(LATER), Results.locked(LATER).retryAfter());
        assertEquals(Status.LOCKED, Results.locked(LATER).status());
        assertEquals(Status.UNAVAILABLE, Results.unavailable(Optional.empty()).status());
        assertEquals(Optional.of(LATER), Results.unavailable(Optional.of(LATER)).retryAfter());
    }

    @Test
    void sharesTheOutcomesThatCarryNothing() {
        assertSame(Results.valid(), Results.valid());
        assertSame(Results.invalid(), Results.invalid());
    }

    /**
     * In a class loader of its own, where nothing has touched Verification, the first call of
     * Results runs Verification's static initializer, which installs the factories.
     */
    @Test
    void worksBeforeAnythingElseTouchedVerification() throws Exception {
        URL classes = Results.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> results = Class.forName(Results.class.getName(), true, fresh);
            Class<?> verification = Class.forName(Verification.class.getName(), false, fresh);
            Object malformed = results.getMethod("malformed").invoke(null);

            assertSame(verification, malformed.getClass(), "made by the fresh loader's Verification");
            assertEquals("Verification[MALFORMED]", malformed.toString());
        }
    }

    @Test
    void letsNobodyReplaceTheFactories() {
        Results.valid();  // Verification has installed its factories by now
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Results.install(null));
        assertEquals("the factories of Verification are installed already", twice.getMessage());
        assertThrows(NullPointerException.class, () -> Results.locked(null));
    }
}
