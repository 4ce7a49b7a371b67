package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TotpVerifierAccountTest {
    /** The start of a 30-second step, so that the steps around it are easy to name. */
    private static final Instant NOW = Instant.ofEpochSecond(59_000_010L * 30);

    private final TestClock clock = new TestClock(NOW);
    private final Totp totp = Totp.builder().build();
    private final TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).build();
    private final OtpSecret secret = OtpSecret.generate();

    private String codeAt(Instant time) {
        return totp.generate(secret, time);
    }

    private String wrongCodeAt(Instant time) {
        return String.format("%06d", (Integer.parseInt(codeAt(time)) + 500_000) % 1_000_000);
    }

    @Test
    void acceptsExactlyOneOfThirtyTwoRacingUsesOfAValidCode() throws Exception {
        String code = codeAt(NOW);
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Status> attempt = () -> {
                start.await();
                return verifier.verify("alice", secret, code).status();
            };
            List<Future<Status>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(attempt));
            }
            start.countDown();
            Map<Status, Integer> counts = new ConcurrentHashMap<>();
            for (Future<Status> result : results) {
                counts.merge(result.get(), 1, Integer::sum);
            }
            assertEquals(1, counts.get(Status.VALID), counts.toString());
            // The others are replays or, once five of them counted as failures, locked out.
            assertEquals(threads - 1, counts.getOrDefault(Status.REPLAYED, 0) + counts.getOrDefault(Status.LOCKED, 0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAnOlderCodeAfterANewerOne() {
        Instant previousStep = NOW.minus(Duration.ofSeconds(30));
        assertEquals(Status.VALID, verifier.verify("alice", secret, codeAt(NOW)).status());
        assertEquals(Status.REPLAYED, verifier.verify("alice", secret, codeAt(previousStep)).status());
        assertEquals(Status.REPLAYED, verifier.verify("alice", secret, codeAt(NOW)).status());
    }

    @Test
    void acceptsTheNextStepAfterAReplay() {
        verifier.verify("alice", secret, codeAt(NOW));
        verifier.verify("alice", secret, codeAt(NOW));
        clock.advance(Duration.ofSeconds(30));
        Verification next = verifier.verify("alice", secret, codeAt(clock.instant()));
        assertEquals(Verification.valid(totp.step(clock.instant()), 0), next);
    }

    @Test
    void leavesAnotherAccountUnaffectedByAUse() {
        OtpSecret bobsSecret = OtpSecret.generate();
        assertTrue(verifier.verify("alice", secret, codeAt(NOW)).isValid());
        assertTrue(verifier.verify("bob", bobsSecret, totp.generate(bobsSecret, NOW)).isValid());
    }

    @Test
    void refusesTheRightCodeWhileLockedAndAcceptsItAfterwards() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.INVALID, verifier.verify("alice", secret, wrongCodeAt(NOW)).status());
        }
        Verification locked = verifier.verify("alice", secret, codeAt(NOW));
        assertEquals(Verification.locked(NOW.plus(Duration.ofMinutes(15))), locked);

        clock.advance(Duration.ofMinutes(15));
        assertTrue(verifier.verify("alice", secret, codeAt(clock.instant())).isValid());
    }

    @Test
    void keepsOneAccountsLockFromAnother() {
        for (int i = 0; i < 5; i++) {
            verifier.verify("alice", secret, wrongCodeAt(NOW));
        }
        assertEquals(Status.LOCKED, verifier.verify("alice", secret, codeAt(NOW)).status());
        assertTrue(verifier.verify("bob", secret, codeAt(NOW)).isValid());
    }

    @Test
    void doesNotCountMalformedInputAsAnAttempt() {
        for (int i = 0; i < 20; i++) {
            assertEquals(Status.MALFORMED, verifier.verify("alice", secret, "12345").status());
        }
        assertTrue(verifier.verify("alice", secret, codeAt(NOW)).isValid());
    }

    @Test
    void throwsForAClockBeforeT0WithoutCountingTheAttempt() {
        Totp laterT0 = Totp.builder().t0(NOW.plus(Duration.ofHours(1))).build();
        AttemptLimiter oneFailureLocks = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1)
                .lockDurations(Duration.ofDays(1), Duration.ofDays(1)).build();
        TotpVerifier early = TotpVerifier.builder(laterT0).clock(clock).attemptLimiter(oneFailureLocks).build();

        IllegalArgumentException beforeT0 = assertThrows(IllegalArgumentException.class,
                () -> early.verify("alice", secret, "123456"));
        assertTrue(beforeT0.getMessage().contains("before T0"), beforeT0.getMessage());

        clock.advance(Duration.ofHours(1));
        assertEquals(Status.VALID, early.verify("alice", secret, laterT0.generate(secret, clock.instant())).status(),
                "the throwing call did not count as the one failure that locks");
    }

    @Test
    void clearsFailuresOnSuccess() {
        for (int i = 0; i < 4; i++) {
            verifier.verify("alice", secret, wrongCodeAt(NOW));
        }
        assertTrue(verifier.verify("alice", secret, codeAt(NOW)).isValid());
        for (int i = 0; i < 4; i++) {
            assertEquals(Status.INVALID, verifier.verify("alice", secret, wrongCodeAt(NOW)).status());
        }
    }

    @Test
    void acceptsTheSameCodeTwiceOnlyWhenReplayProtectionIsSwitchedOff() {
        TotpVerifier unguarded = TotpVerifier.builder(totp).clock(clock).replayGuard(ReplayGuard.none()).build();
        assertTrue(unguarded.verify("alice", secret, codeAt(NOW)).isValid());
        assertTrue(unguarded.verify("alice", secret, codeAt(NOW)).isValid());
    }

    @Test
    void neverLocksWhenAttemptLimitingIsSwitchedOff() {
        TotpVerifier unlimited = TotpVerifier.builder(totp).clock(clock).attemptLimiter(AttemptLimiter.none()).build();
        for (int i = 0; i < 200; i++) {
            assertEquals(Status.INVALID, unlimited.verify("alice", secret, wrongCodeAt(NOW)).status());
        }
        assertTrue(unlimited.verify("alice", secret, codeAt(NOW)).isValid());
    }

    @Test
    void sharesStoresPassedToSeveralVerifiers() {
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();
        TotpVerifier first = TotpVerifier.builder(totp).clock(clock).replayGuard(guard).build();
        TotpVerifier second = TotpVerifier.builder(totp).clock(clock).replayGuard(guard).build();
        assertTrue(first.verify("alice", secret, codeAt(NOW)).isValid());
        assertEquals(Status.REPLAYED, second.verify("alice", secret, codeAt(NOW)).status());
    }

    @Test
    void refusesACodeAgainThroughAWiderWindowSharingTheGuard() {
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();
        TotpVerifier narrow = TotpVerifier.builder(totp).clock(clock).window(1, 1).replayGuard(guard).build();
        TotpVerifier wide = TotpVerifier.builder(totp).clock(clock).window(5, 1).replayGuard(guard).build();
        String code = codeAt(NOW);
        assertEquals(Status.VALID, narrow.verify("alice", secret, code).status());

        clock.advance(Duration.ofSeconds(61));
        assertEquals(Status.REPLAYED, wide.verify("alice", secret, code).status(),
                "two steps behind: outside the narrow window, inside the wide one");
    }

    @Test
    void remembersAStepUntilItLeavesTheWidestWindowAllowedAndNoLonger() {
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();
        TotpVerifier exact = TotpVerifier.builder(totp).clock(clock).window(0, 0).replayGuard(guard).build();
        int widest = TotpVerifier.MAX_WINDOW;
        TotpVerifier widestBehind =
                TotpVerifier.builder(totp).clock(clock).window(widest, 0).replayGuard(guard).build();
        long step = totp.step(NOW);
        String code = codeAt(NOW);
        assertEquals(Status.VALID, exact.verify("alice", secret, code).status());

        clock.set(totp.stepStart(step + widest + 1).minusMillis(1));
        assertEquals(Status.REPLAYED, widestBehind.verify("alice", secret, code).status(), "10 steps behind");
        clock.set(totp.stepStart(step + widest + 1));
        assertFalse(guard.hasAccepted("alice", ReplayGuard.ACCOUNT_AUTHENTICATOR, step),
                "forgotten once no window can reach the step");
    }

    @Test
    void keepsAnAccountNamedLikeACredentialApartFromThatCredential() {
        TotpCredential alicesC1 = TotpCredential.restore("c1", "alice", secret, totp, totp.step(NOW) - 5);
        OtpSecret otherSecret = OtpSecret.generate();
        assertEquals(Status.VALID, verifier.verify("alice/c1", otherSecret, totp.generate(otherSecret, NOW)).status());

        assertEquals(Verification.valid(totp.step(NOW), 0), verifier.verify(alicesC1, codeAt(NOW)),
                "alice's right code, not a replay of the account named \"alice/c1\"");
    }

    @Test
    void keepsACredentialApartFromTheAccountLevelCheckOfItsAccount() {
        TotpCredential credential = TotpCredential.restore("c1", "alice", secret, totp, totp.step(NOW) - 5);
        assertEquals(Status.VALID, verifier.verify(credential, codeAt(NOW)).status());
        assertEquals(Status.VALID, verifier.verify("alice", secret, codeAt(NOW)).status(),
                "two authenticators of alice, each used once");
        assertEquals(Status.REPLAYED, verifier.verify(credential, codeAt(NOW)).status());
        assertEquals(Status.REPLAYED, verifier.verify("alice", secret, codeAt(NOW)).status());
    }

    @Test
    void refusesARightCodeWithoutCountingItWhileTheGuardHasNoRoom() {
        ReplayGuard twoAccounts = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(2).build();
        AttemptLimiter oneFailureLocks = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(1).build();
        TotpVerifier small = TotpVerifier.builder(totp).clock(clock).replayGuard(twoAccounts)
                .attemptLimiter(oneFailureLocks).build();
        assertTrue(small.verify("alice", secret, codeAt(NOW)).isValid());
        assertTrue(small.verify("bob", secret, codeAt(NOW)).isValid());

        Verification refused = small.verify("carol", secret, codeAt(NOW));
        assertFalse(refused.isValid(), "a step the guard cannot record is never accepted");
        assertNotEquals(Status.REPLAYED, refused.status(), "carol never used this code");
        Instant aliceForgotten = totp.stepStart(totp.step(NOW) + TotpVerifier.MAX_WINDOW + 1);
        assertEquals(Verification.unavailable(Optional.of(aliceForgotten)), refused);
        assertEquals(refused, small.verify("carol", secret, codeAt(NOW)),
                "not counted: one counted failure would have locked carol");

        clock.set(refused.retryAfter().orElseThrow());
        assertEquals(Status.VALID, small.verify("carol", secret, codeAt(clock.instant())).status());
    }

    @Test
    void answersUnavailableWithoutCheckingOrCountingWhileTheLimiterIsFull() {
        AttemptLimiter oneAccount = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1)
                .failuresBeforeLock(1).build();
        ReplayGuard guard = ReplayGuard.inMemoryBuilder().clock(clock).build();
        TotpVerifier small = TotpVerifier.builder(totp).clock(clock).replayGuard(guard).attemptLimiter(oneAccount).build();
        assertEquals(Status.INVALID, small.verify("bob", secret, wrongCodeAt(NOW)).status(), "bob fills the limiter");

        Verification refused = small.verify("carol", secret, codeAt(NOW));
        assertEquals(Verification.unavailable(Optional.empty()), refused, "the right code, not LOCKED: never tried");
        assertFalse(guard.hasAccepted("carol", ReplayGuard.ACCOUNT_AUTHENTICATOR, totp.step(NOW)),
                "the code was not even checked");

        oneAccount.recordSuccess("bob");
        assertEquals(Status.VALID, small.verify("carol", secret, codeAt(NOW)).status(),
                "one counted failure would have locked carol");
    }

    @Test
    void letsAStoreFailureOtherThanFullReachTheCaller() {
        StoreException down = new StoreException("database unreachable");
        ReplayGuard broken = (accountId, authenticatorId, step, keepUntil) -> {
            throw down;
        };
        TotpVerifier failing = TotpVerifier.builder(totp).clock(clock).replayGuard(broken).build();
        assertEquals(down, assertThrows(StoreException.class, () -> failing.verify("alice", secret, codeAt(NOW))));
    }

    /**
     * A store as an application might write against its database, the account and the
     * authenticator as two columns of one key: here, plain maps.
     */
    private static final class MapBackedStores implements ReplayGuard, AttemptLimiter {
        final Map<List<String>, Long> lastSteps = new ConcurrentHashMap<>();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();

        @Override
        public boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
            long[] accepted = {-1};
            lastSteps.compute(List.of(accountId, authenticatorId), (pair, last) -> {
                if (last != null && step <= last) {
                    return last;
                }
                accepted[0] = step;
                return step;
            });
            return accepted[0] == step;
        }

        @Override
        public Attempt beginAttempt(String accountId) {
            int count = failures.merge(accountId, 1, Integer::sum);
            return count > 2 ? Attempt.refuse(Instant.MAX) : Attempt.proceed();
        }

        @Override
        public void recordSuccess(String accountId) {
            failures.remove(accountId);
        }
    }

    @Test
    void usesPluggedInStores() {
        MapBackedStores stores = new MapBackedStores();
        TotpVerifier custom =
                TotpVerifier.builder(totp).clock(clock).replayGuard(stores).attemptLimiter(stores).build();

        assertTrue(custom.verify("alice", secret, codeAt(NOW)).isValid());
        assertEquals(totp.step(NOW), stores.lastSteps.get(List.of("alice", ReplayGuard.ACCOUNT_AUTHENTICATOR)));
        assertEquals(Status.REPLAYED, custom.verify("alice", secret, codeAt(NOW)).status());
        assertEquals(1, stores.failures.get("alice"));
        custom.verify("alice", secret, wrongCodeAt(NOW));
        assertEquals(Verification.locked(Instant.MAX), custom.verify("alice", secret, codeAt(NOW)));
    }

    @Test
    void describesWhichProtectionsAreOn() {
        assertEquals("TotpVerifier[Totp[SHA1, 6 digits, 30 s], window -1/+1, replay guard on, attempt limiter on]",
                verifier.toString());
        assertEquals("TotpVerifier[Totp[SHA1, 6 digits, 30 s], window -1/+1, replay guard off, attempt limiter off]",
                TotpVerifier.builder(totp).replayGuard(ReplayGuard.none()).attemptLimiter(AttemptLimiter.none()).build()
                        .toString());
    }
}
