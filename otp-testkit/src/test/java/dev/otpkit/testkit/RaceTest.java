package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RaceTest {

    @Test
    void runsEveryRacerOnAThreadOfItsOwnAllAtOnce() {
        // Each racer waits for all 32 to arrive: only 32 threads running together get through.
        CyclicBarrier together = new CyclicBarrier(32);
        List<String> threads = Race.run(32, () -> {
            together.await(10, TimeUnit.SECONDS);
            return Thread.currentThread().getName();
        });
        assertEquals(32, threads.stream().distinct().count());
        assertTrue(threads.stream().allMatch(name -> name.startsWith("otpkit-race-")), threads.toString());
    }

    @Test
    void returnsTheAnswersInTheOrderTheRacersStarted() {
        List<String> answers = Race.run(4, () -> Thread.currentThread().getName());
        assertEquals(List.of("otpkit-race-0", "otpkit-race-1", "otpkit-race-2", "otpkit-race-3"), answers);
        assertEquals(Arrays.asList(null, null), Race.run(2, () -> null), "null answers are kept");
    }

    @Test
    void reportsWhatARacerThrewAsAnAssertionError() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger racers = new AtomicInteger();
        AssertionError error = assertThrows(AssertionError.class, () -> Race.run(3, () -> {
            if (racers.getAndIncrement() < 2) {
                throw boom;
            }
            return "fine";
        }));
        assertSame(boom, error.getCause());
        assertEquals(1, error.getSuppressed().length, "the second racer's exception");
        assertTrue(error.getMessage().startsWith("racer "), error.getMessage());
    }

    @Test
    void refusesFewerThanTwoRacersAndNoTask() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> Race.run(1, () -> 1));
        assertEquals("racers must be 2 to 1000, was 1", one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Race.run(1_001, () -> 1));
        assertThrows(NullPointerException.class, () -> Race.run(2, null));
    }

    @Test
    void rendezvousHoldsEveryRacerUntilAllHaveChecked() {
        AtomicInteger checked = new AtomicInteger();
        List<Integer> seenAfterRendezvous = Race.run(32, () -> {
            checked.incrementAndGet();
            Race.rendezvous();
            return checked.get();
        });
        assertTrue(seenAfterRendezvous.stream().allMatch(seen -> seen == 32), seenAfterRendezvous.toString());
    }

    @Test
    void rendezvousLetsRacersThatFinishedEarlyGo() {
        AtomicInteger racers = new AtomicInteger();
        List<Boolean> met = Race.run(8, () -> {
            if (racers.getAndIncrement() % 2 == 0) {
                return false;  // finishes without meeting the others
            }
            Race.rendezvous();
            return true;
        });
        assertEquals(4, met.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void rendezvousOutsideARaceReturnsAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), Race::rendezvous);
    }
}
