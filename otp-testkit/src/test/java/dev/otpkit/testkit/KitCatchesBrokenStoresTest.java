package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs each contract against a store with one deliberate bug ({@link BrokenStores}) and checks
 * that exactly the tests of that part of the contract fail, by a failed assertion, while every
 * other test passes: the kit can fail, and it fails for the right reason.
 */
class KitCatchesBrokenStoresTest {

    @Test
    void failsAReplayGuardThatChecksBeforeItActs() {
        assertExactlyTheseFail(BrokenStores.CheckThenActReplayGuard.class,
                "acceptsExactlyOneOfConcurrentUsesOfAStep");
    }

    @Test
    void failsAReplayGuardThatNeverFills() {
        assertExactlyTheseFail(BrokenStores.NeverFullReplayGuard.class,
                "refusesANewPairWhenFullOfStepsStillKept", "recordsNothingForAStepRefusedWhenFull",
                "admitsExactlyTheBoundOfConcurrentNewPairs");
    }

    @Test
    void skipsTheBoundTestsOfAGuardThatSaysItHasNoBound() {
        Events tests = run(BrokenStores.UnboundedReplayGuard.class);
        assertEquals(Set.of(), methodNames(tests.failed()));
        assertEquals(Set.of("refusesANewPairWhenFullOfStepsStillKept", "acceptsNewerStepsOfHeldPairsWhenFull",
                "recordsNothingForAStepRefusedWhenFull", "makesRoomOnceAPairsKeepUntilHasPassed",
                "hasAcceptedNeedsNoRoom", "admitsExactlyTheBoundOfConcurrentNewPairs"),
                methodNames(tests.aborted()), "the bound tests, each reported as skipped by an assumption");
        tests.aborted().stream().forEach(skipped -> assertTrue(String.valueOf(throwable(skipped).getMessage())
                .contains("isBounded() answers false"), "the reason is in the report"));
    }

    @Test
    void failsALimiterThatForgetsFailures() {
        assertExactlyTheseFail(BrokenStores.ForgetfulAttemptLimiter.class,
                "neverForgetsFailuresWithoutASuccess", "staysLockedUntilResetAfterTheMostConsecutiveFailures");
    }

    @Test
    void failsACodeStoreWhosePutKeepsThePendingCode() {
        assertExactlyTheseFail(BrokenStores.KeepFirstCodeStore.class,
                "putReplacesThePendingCodeAndItsAttempts", "aReplacedCodeCanNoLongerBeRemoved",
                "replacesAHeldPairsCodeWhenFull");
    }

    @Test
    void failsACodeStoreThatCountsAttemptsByReadThenWrite() {
        assertExactlyTheseFail(BrokenStores.ReadThenWriteAttemptCodeStore.class,
                "givesEachConcurrentAttemptACountOfItsOwn");
    }

    @Test
    void failsABackupCodeStoreThatChecksBeforeItRemoves() {
        assertExactlyTheseFail(BrokenStores.CheckThenRemoveBackupCodeStore.class,
                "letsExactlyOneOfConcurrentRemovesOfAHashSucceed");
    }

    /**
     * Runs the contract of {@code brokenStore} and checks that exactly {@code failing} fail, each
     * by a failed assertion rather than a crash, and that every other test ran and passed.
     */
    private static void assertExactlyTheseFail(Class<?> brokenStore, String... failing) {
        Events tests = run(brokenStore);
        assertEquals(new TreeSet<>(Arrays.asList(failing)), methodNames(tests.failed()));
        tests.failed().stream().forEach(failed -> assertInstanceOf(AssertionError.class, throwable(failed),
                "a contract test fails by an assertion"));
        assertEquals(0, tests.skipped().count() + tests.aborted().count(), "tests skipped");
        assertEquals(tests.started().count() - failing.length, tests.succeeded().count(), "tests passed");
        assertTrue(tests.started().count() > 20, "the whole contract ran");
    }

    private static Events run(Class<?> brokenStore) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunOnlyToProveTheKit.PARAMETER, "true")
                .selectors(selectClass(brokenStore))
                .execute()
                .testEvents();
    }

    private static Set<String> methodNames(Events events) {
        Set<String> names = new TreeSet<>();
        events.stream().forEach(event -> names.add(((MethodSource) event.getTestDescriptor().getSource().orElseThrow())
                .getMethodName()));
        return names;
    }

    private static Throwable throwable(Event finished) {
        return finished.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }
}
