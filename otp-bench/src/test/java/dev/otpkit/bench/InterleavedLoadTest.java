package dev.otpkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link InterleavedLoad} runs every workload in every measured cycle, with real logins (each
 * checked for its outcome by {@link JdbcLogins}), and its ratio statistics are those of the
 * cycles.
 */
class InterleavedLoadTest {
    private static final InterleavedLoad.Timing SHORT = new InterleavedLoad.Timing(150, 30, 1, 3);

    @Test
    void measuresEveryWorkloadInEveryCycleOnTwoThreads() throws Exception {
        Map<InterleavedLoad.Workload, InterleavedLoad.Measured> measured = new InterleavedLoad(DatabaseServer.H2, 2,
                Map.of(JdbcLogins.Kind.RIGHT, 3, JdbcLogins.Kind.WRONG, 1), SHORT).run();

        assertEquals(InterleavedLoad.Workload.values().length, measured.size());
        measured.forEach((workload, result) -> {
            assertEquals(SHORT.cycles(), result.perSecond().length, workload::name);
            assertTrue(Arrays.stream(result.perSecond()).allMatch(rate -> rate > 0),
                    () -> workload + ": " + Arrays.toString(result.perSecond()));
            assertTrue(result.latencyNanos().length > 0, workload::name);
            assertTrue(result.percentileMicros(50) <= result.percentileMicros(99), workload::name);
        });
    }

    @Test
    void aRatioIsTheMeanOfItsCyclesWithAnErrorFromTheirSpread() {
        InterleavedLoad.Ratio spread = new InterleavedLoad.Ratio(new double[] {0.8, 0.9, 1.0});
        InterleavedLoad.Ratio steady = new InterleavedLoad.Ratio(new double[] {0.9, 0.9, 0.9});

        assertEquals(0.9, spread.mean(), 1e-12);
        assertTrue(spread.error() > 0.1, () -> "error " + spread.error());
        assertEquals(0.0, steady.error(), 1e-12);
    }

    @Test
    void refusesFewerThanThreeMeasuredCycles() {
        assertThrows(IllegalArgumentException.class, () -> InterleavedLoad.Timing.FULL.withCycles(2));
    }
}
