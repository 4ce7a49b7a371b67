package dev.otpkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.ReplayGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReplayGuard}, as its javadoc states it: extend this class in your tests
 * and make {@link #newGuard(Clock)} return your guard, and every test below runs against
 * it. Each test name says the behaviour it checks.
 *
 * <pre>{@code
 * class JdbcReplayGuardTest extends ReplayGuardContract {
 *     @Override
 *     protected ReplayGuard newGuard(Clock clock) {
 *         truncateTables();                       // each test starts from an empty store
 *         return new MyJdbcReplayGuard(dataSource, clock);
 *     }
 * }
 * }</pre>
 *
 * <p>Covered: steps accepted only when strictly newer, from 0 to {@link Long#MAX_VALUE}; pairs
 * of account and authenticator kept apart, whatever characters the ids hold; a step
 * remembered until its {@code keepUntil}; {@code hasAccepted} answering without changing
 * anything; null arguments refused; exactly one of 32 threads accepting the same step, and the
 * newest of concurrently accepted steps remembered. A guard
 * with a bound extends {@link BoundedReplayGuardContract} instead, which adds the tests of the
 * bound.
 */
public abstract class ReplayGuardContract extends StoreContract {
    static final String ACCOUNT = ReplayGuard.ACCOUNT_AUTHENTICATOR;
    /** How long the tests ask to keep a step: three 30-second TOTP steps. */
    private static final Duration KEEP = Duration.ofSeconds(90);

    /** For subclasses. */
    protected ReplayGuardContract() {
    }

    /**
     * Makes the guard under test. Called once by each test, which owns the guard; it must
     * remember nothing yet (for a database store: empty its table here).
     *
     * @param clock the time the guard must read to tell whether a step's {@code keepUntil} has
     *     passed; the tests move it
     * @return a new, empty guard
     */
    protected abstract ReplayGuard newGuard(Clock clock);

    /**
     * Tells whether the guard answers {@link ReplayGuard#hasAccepted} from what it remembers.
     * The SPI lets a guard keep the interface's default instead, which always answers
     * {@code false} ("not known"). The default answers {@code true}; override it to answer
     * {@code false} for a guard that keeps the interface's default: the test of precise answers
     * then checks that the guard answers "not known" even for a step it has accepted, so that
     * no test is skipped.
     *
     * @return {@code true} if {@code hasAccepted} answers from the guard's memory
     */
    protected boolean answersHasAccepted() {
        return true;
    }

    private ReplayGuard guard() {
        return newGuard(clock());
    }

    /** A {@code keepUntil} 90 seconds after the clock's now. */
    Instant keepUntil() {
        return clock().instant().plus(KEEP);
    }

    /** Step 0, the first TOTP step and the first HOTP counter, is accepted once like any other. */
    @Test
    public void acceptsStepZeroAsThePairsFirstStep() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 0, keepUntil()), "step 0, never used");
        assertFalse(guard.tryAccept("alice", ACCOUNT, 0, keepUntil()), "step 0 again");
    }

    /** The step accepted last is refused the second time: a replayed code. */
    @Test
    public void refusesTheSameStepAgain() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
    }

    /** A step older than the last accepted one is refused, though it was never used itself. */
    @Test
    public void refusesAnOlderStepOnceANewerOneWasAccepted() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 99, keepUntil()), "the step before");
        assertFalse(guard.tryAccept("alice", ACCOUNT, 0, keepUntil()), "step 0");
    }

    /** Every strictly newer step is accepted, however far ahead it is. */
    @Test
    public void acceptsEachStrictlyNewerStep() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
        assertTrue(guard.tryAccept("alice", ACCOUNT, 101, keepUntil()), "the next step");
        assertTrue(guard.tryAccept("alice", ACCOUNT, 1_000_000_000_000L, keepUntil()), "a step far ahead");
        assertFalse(guard.tryAccept("alice", ACCOUNT, 101, keepUntil()), "an older step");
    }

    /** {@link Long#MAX_VALUE} is a step like any other, and no step is newer. */
    @Test
    public void acceptsTheLargestStepOnceAndNoStepAfterIt() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, Long.MAX_VALUE - 1, keepUntil()));
        assertTrue(guard.tryAccept("alice", ACCOUNT, Long.MAX_VALUE, keepUntil()));
        assertFalse(guard.tryAccept("alice", ACCOUNT, Long.MAX_VALUE, keepUntil()), "the largest step again");
        assertFalse(guard.tryAccept("alice", ACCOUNT, Long.MAX_VALUE - 1, keepUntil()));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 0, keepUntil()));
    }

    /** One account's accepted step does not refuse the same step for another account. */
    @Test
    public void keepsAccountsApart() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
        assertTrue(guard.tryAccept("bob", ACCOUNT, 100, keepUntil()));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()));
        assertFalse(guard.tryAccept("bob", ACCOUNT, 100, keepUntil()));
    }

    /**
     * The authenticators of one account (the account-level one, credentials, enrolment marks)
     * each have steps of their own.
     */
    @Test
    public void keepsTheAuthenticatorsOfOneAccountApart() {
        ReplayGuard guard = guard();
        List<String> authenticators = List.of(ACCOUNT, "c1", "c2", "enrollment:c1");
        for (String authenticator : authenticators) {
            assertTrue(guard.tryAccept("alice", authenticator, 100, keepUntil()), authenticator);
        }
        for (String authenticator : authenticators) {
            assertFalse(guard.tryAccept("alice", authenticator, 100, keepUntil()), authenticator);
        }
    }

    /**
     * Ids are compared as they are: empty, blanks, separators, case,
     * accents, trailing spaces, characters outside the Basic Multilingual Plane and SQL
     * wildcards each name an account or authenticator of their own.
     */
    @Test
    public void keepsUnusualIdsApart() {
        ReplayGuard guard = guard();
        for (String id : Ids.UNUSUAL) {
            assertTrue(guard.tryAccept(id, "c1", 7, keepUntil()), () -> "account " + Ids.show(id) + " met another");
            assertTrue(guard.tryAccept("bob", id, 7, keepUntil()), () -> "authenticator " + Ids.show(id) + " met another");
        }
        for (String id : Ids.UNUSUAL) {
            assertFalse(guard.tryAccept(id, "c1", 7, keepUntil()), () -> "account " + Ids.show(id) + " forgot its step");
            assertFalse(guard.tryAccept("bob", id, 7, keepUntil()), () -> "authenticator " + Ids.show(id));
        }
    }

    /**
     * Ids at and beyond the limits: each id of up to 255 chars of well-formed Unicode without
     * U+0000 (of one, three and four bytes in UTF-8) is kept exactly; a longer one, or one with
     * U+0000 or an unpaired surrogate, is kept exactly too or refused with
     * {@link IllegalArgumentException}, never cut short, changed or taken for another, as an account id and as an authenticator id.
     */
    @Test
    public void keepsHardIdsExactlyOrRefusesThem() {
        ReplayGuard guard = guard();
        assertKeepsHardIdsExactlyOrRefusesThem(
                id -> assertTrue(guard.tryAccept(id, "c1", 7, keepUntil()), () -> "account " + Ids.show(id) + " met another"),
                id -> assertFalse(guard.tryAccept(id, "c1", 7, keepUntil()), () -> "account " + Ids.show(id) + " forgot"),
                id -> assertFalse(guard.hasAccepted(id, "c1", 7), () -> "account " + Ids.show(id) + " was refused"));
        assertKeepsHardIdsExactlyOrRefusesThem(
                id -> assertTrue(guard.tryAccept("bob", id, 7, keepUntil()), () -> "authenticator " + Ids.show(id)
                        + " met another"),
                id -> assertFalse(guard.tryAccept("bob", id, 7, keepUntil()), () -> "authenticator " + Ids.show(id)
                        + " forgot"),
                id -> assertFalse(guard.hasAccepted("bob", id, 7), () -> "authenticator " + Ids.show(id)
                        + " was refused"));
    }

    /**
     * Account and authenticator are two values, never one joined string: of 169 pairs of ids
     * made of {@code a}, {@code /} and {@code :}, such as ({@code "a/"}, {@code ""}) and
     * ({@code "a"}, {@code "/"}), no two share a step.
     */
    @Test
    public void neverMixesPairsThatAJoinedKeyWouldConfuse() {
        ReplayGuard guard = guard();
        List<String> ids = Ids.joinProbes();
        for (String accountId : ids) {
            for (String authenticatorId : ids) {
                assertTrue(guard.tryAccept(accountId, authenticatorId, 1, keepUntil()),
                        () -> "pair (" + Ids.show(accountId) + ", " + Ids.show(authenticatorId) + ") met an earlier pair");
            }
        }
        for (String accountId : ids) {
            for (String authenticatorId : ids) {
                assertFalse(guard.tryAccept(accountId, authenticatorId, 1, keepUntil()));
            }
        }
    }

    /** A step is remembered at least until the {@code keepUntil} it was accepted with. */
    @Test
    public void remembersAStepUntilItsKeepUntil() {
        ReplayGuard guard = guard();
        Instant keepUntil = keepUntil();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil));
        clock().set(keepUntil.minusMillis(1));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 100, keepUntil), "a millisecond before keepUntil");
        assertFalse(guard.tryAccept("alice", ACCOUNT, 99, keepUntil));
    }

    /**
     * A newer step accepted with a shorter {@code keepUntil} (a verifier with a smaller window)
     * does not let the pair be forgotten while an older step may still be presented.
     */
    @Test
    public void keepsThePairUntilTheLatestKeepUntilOfItsSteps() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, clock().instant().plus(Duration.ofMinutes(5))));
        assertTrue(guard.tryAccept("alice", ACCOUNT, 101, clock().instant().plus(Duration.ofMinutes(1))));
        clock().advance(Duration.ofMinutes(2));
        assertFalse(guard.tryAccept("alice", ACCOUNT, 100, keepUntil()),
                "step 100 may be presented for 5 minutes: the pair must not be forgotten after step 101's minute");
    }

    /**
     * A step may be kept until {@link Instant#MAX}, for ever: the guard takes that
     * {@code keepUntil} and still remembers the step a century later.
     */
    @Test
    public void remembersAStepKeptUntilInstantMax() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 0, Instant.MAX));
        assertTrue(guard.tryAccept("alice", ACCOUNT, Long.MAX_VALUE, Instant.MAX));
        clock().advance(Duration.ofDays(36_525));
        assertFalse(guard.tryAccept("alice", ACCOUNT, Long.MAX_VALUE, keepUntil()), "a century later");
    }

    /** Whether a step is accepted depends on the step alone, even if its keepUntil has passed. */
    @Test
    public void acceptsAStepWhoseKeepUntilHasAlreadyPassed() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, clock().instant().minusSeconds(1)));
        assertTrue(guard.tryAccept("alice", ACCOUNT, 101, keepUntil()));
    }

    /** {@code hasAccepted} never claims a step that was not accepted for that very pair. */
    @Test
    public void hasAcceptedAnswersFalseForStepsNotAccepted() {
        ReplayGuard guard = guard();
        assertFalse(guard.hasAccepted("alice", "c1", 0), "nothing accepted yet");
        assertTrue(guard.tryAccept("alice", "c1", 100, keepUntil()));
        assertFalse(guard.hasAccepted("alice", "c1", 101), "a newer step");
        assertFalse(guard.hasAccepted("bob", "c1", 100), "another account");
        assertFalse(guard.hasAccepted("alice", "c2", 100), "another authenticator");
        assertFalse(guard.hasAccepted("alice/c1", ACCOUNT, 100), "the joined ids");
    }

    /** {@code hasAccepted} only reads: a step it was asked about is still accepted afterwards. */
    @Test
    public void hasAcceptedChangesNothing() {
        ReplayGuard guard = guard();
        assertFalse(guard.hasAccepted("alice", "c1", 5));
        assertFalse(guard.hasAccepted("alice", "c1", 5), "asking twice");
        assertTrue(guard.tryAccept("alice", "c1", 5, keepUntil()), "asking accepted nothing");
    }

    /**
     * {@code hasAccepted} answers whether {@code tryAccept} would now refuse the step: true for
     * the accepted step and every older one. For a guard whose {@link #answersHasAccepted()} is
     * false, it answers "not known" ({@code false}) even for the step just accepted, as the
     * interface's default does.
     */
    @Test
    public void hasAcceptedTellsWhetherTheStepWouldBeRefused() {
        ReplayGuard guard = guard();
        assertTrue(guard.tryAccept("alice", "c1", 100, keepUntil()));
        if (!answersHasAccepted()) {
            assertFalse(guard.hasAccepted("alice", "c1", 100), () -> getClass().getName() + ".answersHasAccepted()"
                    + " answers false, so hasAccepted must answer \"not known\" (false), yet it answered true");
            return;
        }
        assertTrue(guard.hasAccepted("alice", "c1", 100), "the accepted step");
        assertTrue(guard.hasAccepted("alice", "c1", 99), "an older step");
        assertTrue(guard.hasAccepted("alice", "c1", 0), "step 0");
        assertFalse(guard.hasAccepted("alice", "c1", 101), "a newer step");
        assertTrue(guard.tryAccept("alice", "c1", 101, keepUntil()));
        assertTrue(guard.hasAccepted("alice", "c1", 101));
    }

    /** Every argument of {@code tryAccept} is required. */
    @Test
    public void tryAcceptRefusesNullArguments() {
        ReplayGuard guard = guard();
        assertThrows(NullPointerException.class, () -> guard.tryAccept(null, ACCOUNT, 1, keepUntil()));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("alice", null, 1, keepUntil()));
        assertThrows(NullPointerException.class, () -> guard.tryAccept("alice", ACCOUNT, 1, null));
    }

    /** Both ids of {@code hasAccepted} are required. */
    @Test
    public void hasAcceptedRefusesNullIds() {
        ReplayGuard guard = guard();
        assertThrows(NullPointerException.class, () -> guard.hasAccepted(null, ACCOUNT, 1));
        assertThrows(NullPointerException.class, () -> guard.hasAccepted("alice", null, 1));
    }

    /**
     * Of 32 threads presenting the same step of a new pair at once, exactly one is accepted;
     * five races, each on a pair of its own.
     */
    @Test
    public void acceptsExactlyOneOfConcurrentUsesOfAStep() {
        ReplayGuard guard = guard();
        Instant keepUntil = keepUntil();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String account = "alice-" + round;
            assertExactlyOneAccepted(Race.run(RACERS, () -> guard.tryAccept(account, ACCOUNT, 7, keepUntil)), 7);
        }
    }

    /**
     * Of 32 threads presenting the same newer step of a pair the guard holds at once, exactly
     * one is accepted; five races, each on the step after the last.
     */
    @Test
    public void acceptsExactlyOneOfConcurrentUsesOfANewerStepOfAHeldPair() {
        ReplayGuard guard = guard();
        Instant keepUntil = keepUntil();
        assertTrue(guard.tryAccept("alice", ACCOUNT, 100, keepUntil));
        for (long step = 101; step <= 100 + RACE_ROUNDS; step++) {
            long raced = step;
            assertExactlyOneAccepted(Race.run(RACERS, () -> guard.tryAccept("alice", ACCOUNT, raced, keepUntil)), raced);
        }
    }

    private static void assertExactlyOneAccepted(List<Boolean> accepted, long step) {
        assertEquals(1, Collections.frequency(accepted, true), () -> "accepted of " + RACERS
                + " concurrent uses of step " + step);
    }

    /**
     * Of 32 threads each presenting a step of its own (100 to 131) at once, whichever are
     * accepted, the newest is the one remembered last: no older step overwrites it.
     */
    @Test
    public void remembersTheNewestOfConcurrentlyAcceptedSteps() {
        ReplayGuard guard = guard();
        Instant keepUntil = keepUntil();
        AtomicInteger next = new AtomicInteger(100);
        Race.run(RACERS, () -> guard.tryAccept("alice", ACCOUNT, next.getAndIncrement(), keepUntil));
        long newest = 100 + RACERS - 1;
        assertFalse(guard.tryAccept("alice", ACCOUNT, newest, keepUntil), "step " + newest
                + ", the newest raced, must be the last accepted whatever the order");
        assertTrue(guard.tryAccept("alice", ACCOUNT, newest + 1, keepUntil));
    }
}
