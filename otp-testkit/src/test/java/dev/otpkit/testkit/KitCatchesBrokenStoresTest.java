package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
 * other test passes and none is skipped: the kit can fail, and it fails for the right reason.
 * Stores that use a freedom the SPI gives (no bound, the default {@code hasAccepted}) pass
 * every test they run, and skip none.
 */
class KitCatchesBrokenStoresTest {

    @Test
    void failsAReplayGuardThatChecksBeforeItActs() {
        assertExactlyTheseFail(BrokenStores.CheckThenActReplayGuard.class,
                "acceptsExactlyOneOfConcurrentUsesOfAStep", "acceptsExactlyOneOfConcurrentUsesOfANewerStepOfAHeldPair");
    }

    @Test
    void failsAReplayGuardThatNeverFills() {
        assertExactlyTheseFail(BrokenStores.NeverFullReplayGuard.class,
                "refusesANewPairWhenFullOfStepsStillKept", "recordsNothingForAStepRefusedWhenFull",
                "admitsExactlyTheBoundOfConcurrentNewPairs");
    }

    @Test
    void runsEveryTestButTheBoundOnesOnAGuardWithoutABoundAndSkipsNone() {
        Events unbounded = assertExactlyTheseFail(BrokenStores.UnboundedReplayGuard.class);
        Events bounded = run(BrokenStores.NeverFullReplayGuard.class);
        Set<String> boundTests = new TreeSet<>(methodNames(bounded.started()));
        boundTests.removeAll(methodNames(unbounded.started()));
        assertEquals(Set.of("refusesANewPairWhenFullOfStepsStillKept", "acceptsNewerStepsOfHeldPairsWhenFull",
                "recordsNothingForAStepRefusedWhenFull", "makesRoomOnceAPairsKeepUntilHasPassed",
                "hasAcceptedNeedsNoRoom", "admitsExactlyTheBoundOfConcurrentNewPairs"), boundTests,
                "the tests only the bounded contract runs");
    }

    @Test
    void passesAGuardThatKeepsTheDefaultHasAcceptedAndSaysSo() {
        assertExactlyTheseFail(BrokenStores.DefaultHasAcceptedReplayGuard.class);
    }

    @Test
    void failsAGuardThatSaysItKeepsTheDefaultHasAcceptedButAnswersIt() {
        assertExactlyTheseFail(BrokenStores.MisdeclaredHasAcceptedReplayGuard.class,
                "hasAcceptedTellsWhetherTheStepWouldBeRefused");
    }

    @Test
    void failsAGuardThatCutsLongIds() {
        assertExactlyTheseFail(BrokenStores.CuttingReplayGuard.class, "keepsHardIdsExactlyOrRefusesThem");
    }

    @Test
    void passesALimiterThatRefusesTheIdsTheSpiLetsItRefuse() {
        assertExactlyTheseFail(BrokenStores.RefusingAttemptLimiter.class);
    }

    @Test
    void failsACodeStoreWhoseRefusalQuotesTheId() {
        assertExactlyTheseFail(BrokenStores.QuotingRefusalCodeStore.class, "keepsHardIdsExactlyOrRefusesThem");
    }

    @Test
    void failsABackupCodeStoreThatRefusesIdsEveryStoreMustKeep() {
        assertExactlyTheseFail(BrokenStores.ShortIdBackupCodeStore.class,
                "keepsHardAccountIdsAndHashesExactlyOrRefusesThem");
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
                "replacesAHeldPairsCodeWhenFull", "neverShowsNoCodeWhileReplacing");
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
    private static Events assertExactlyTheseFail(Class<?> brokenStore, String... failing) {
        Events tests = run(brokenStore);
        assertEquals(new TreeSet<>(Arrays.asList(failing)), methodNames(tests.failed()));
        tests.failed().stream().forEach(failed -> assertInstanceOf(AssertionError.class, throwable(failed),
                "a contract test fails by an assertion"));
        assertEquals(0, tests.skipped().count() + tests.aborted().count(), "tests skipped");
        assertEquals(tests.started().count() - failing.length, tests.succeeded().count(), "tests passed");
        assertEquals(testMethods(brokenStore), tests.started().count(), "tests started: the whole contract ran");
        return tests;
    }

    /** Counts the test methods of the contract that {@code brokenStore} extends. */
    private static long testMethods(Class<?> brokenStore) {
        long count = 0;
        for (Class<?> type = brokenStore; type != Object.class; type = type.getSuperclass()) {
            count += Arrays.stream(type.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(Test.class))
                    .count();
        }
        return count;
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
