package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Email and SMS codes count tries per account, across the codes issued to it and with its other factors. */
class OneTimeCodesAttemptLimitTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final AttemptLimiter limiter = AttemptLimiter.inMemoryBuilder().clock(clock).failuresBeforeLock(3).build();
    private final OneTimeCodes codes = OneTimeCodes.builder().clock(clock).attemptLimiter(limiter).build();

    /**
     * The hole this closes: burning a code after its last wrong try limited guesses per code
     * only, and a new code came with new tries, so issuing again and again gave guesses without
     * end (200,000 of them an even chance at a 6-digit code).
     */
    @Test
    void reissuingCodesGivesNoMoreWrongGuessesThanTheAccountsLimit() {
        OneTimeCodes byDefault = OneTimeCodes.builder().clock(clock).build();
        int wrongGuessesCompared = 0;
        Status last = null;
        for (int round = 0; round < 20 && last != Status.LOCKED; round++) {
            String code = byDefault.issue("alice", "login").code();
            for (int guess = 0; guess < byDefault.maxAttempts(); guess++) {
                last = byDefault.verify("alice", "login", wrong(code)).status();
                if (last == Status.INVALID) {
                    wrongGuessesCompared++;
                }
            }
        }
        assertEquals(AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK, wrongGuessesCompared);
        assertEquals(Status.LOCKED, last);
        String fresh = byDefault.issue("alice", "login").code();
        assertEquals(Status.LOCKED, byDefault.verify("alice", "login", fresh).status(), "even a new right code");
    }

    @Test
    void refusesEvenTheRightCodeUntilTheLockEnds() {
        OneTimeCodes longLived = OneTimeCodes.builder().clock(clock).ttl(Duration.ofHours(1)).attemptLimiter(limiter)
                .build();
        lockAlice();
        String code = longLived.issue("alice", "login").code();
        for (int i = 0; i < longLived.maxAttempts(); i++) {
            Verification locked = longLived.verify("alice", "login", code);
            assertEquals(Status.LOCKED, locked.status());
            assertEquals(Optional.of(T0.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)), locked.retryAfter());
        }
        clock.advance(AttemptLimiter.DEFAULT_FIRST_LOCK);
        assertTrue(longLived.verify("alice", "login", code).isValid(), "the refused tries left the code unused");
    }

    @Test
    void aRightCodeClearsTheAccountsFailures() {
        String first = codes.issue("alice", "login").code();
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(first)).status());
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(first)).status());
        assertTrue(codes.verify("alice", "login", first).isValid());

        String second = codes.issue("alice", "login").code();
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(second)).status());
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(second)).status());
        assertTrue(codes.verify("alice", "login", second).isValid(), "2 + 2 failures, never 3 in a row");
    }

    @Test
    void malformedInputIsRefusedBeforeTheLimiterAndCountsNothing() {
        String code = codes.issue("alice", "login").code();
        for (int i = 0; i < 20; i++) {
            assertEquals(Status.MALFORMED, codes.verify("alice", "login", "12ab56").status());
        }
        assertTrue(codes.verify("alice", "login", code).isValid());
    }

    /** See {@link OneTimeCodes#verify}: counting them is what keeps the store unread, and unasked. */
    @Test
    void triesWhenNoCodeCanBeAcceptedCountTowardsTheLock() {
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", "123456").status(), "none pending");
        String used = codes.issue("alice", "login").code();
        assertTrue(codes.verify("alice", "login", used).isValid());
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", used).status(), "used");
        String late = codes.issue("alice", "login").code();
        clock.advance(OneTimeCodes.DEFAULT_TTL);
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", late).status(), "expired");
        assertEquals(Status.EXPIRED, codes.verify("alice", "transfer", late).status(), "the third failure in a row");
        String fresh = codes.issue("alice", "login").code();
        assertEquals(Status.LOCKED, codes.verify("alice", "login", fresh).status());
    }

    @Test
    void aLockedAccountsStoreIsNotEvenRead() {
        CountingStore store = new CountingStore(OneTimeCodeStore.inMemoryBuilder().clock(clock).build());
        OneTimeCodes counted = OneTimeCodes.builder().clock(clock).store(store).hashKey(SecretSealer.generateKey())
                .attemptLimiter(limiter).build();
        String code = counted.issue("alice", "login").code();
        lockAlice();
        for (int i = 0; i < 10; i++) {
            assertEquals(Status.LOCKED, counted.verify("alice", "login", code).status());
        }
        assertEquals(0, store.claims.get());
    }

    @Test
    void allScopesOfAnAccountShareOneBudgetAndOtherAccountsHaveTheirOwn() {
        String login = codes.issue("alice", "login").code();
        String transfer = codes.issue("alice", "transfer").code();
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(login)).status());
        assertEquals(Status.INVALID, codes.verify("alice", "transfer", wrong(transfer)).status());
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(login)).status());
        assertEquals(Status.LOCKED, codes.verify("alice", "transfer", transfer).status());
        assertTrue(codes.verify("bob", "login", codes.issue("bob", "login").code()).isValid());
    }

    @Test
    void failuresOfTotpAndEmailCodesCountTogetherWithASharedLimiter() {
        TotpVerifier totp = TotpVerifier.builder(Totp.builder().build()).clock(clock).attemptLimiter(limiter).build();
        OtpSecret secret = OtpSecret.generate();
        String totpCode = totp.totp().generate(secret, clock.instant());
        String email = codes.issue("alice", "login").code();

        assertEquals(Status.INVALID, totp.verify("alice", secret, wrong(totpCode)).status());
        assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(email)).status());
        assertEquals(Status.INVALID, totp.verify("alice", secret, wrong(totpCode)).status());
        assertEquals(Status.LOCKED, codes.verify("alice", "login", email).status(), "locked by TOTP's failure");
        assertEquals(Status.LOCKED, totp.verify("alice", secret, totpCode).status());
    }

    @Test
    void aRightEmailCodeClearsTheFailuresOfOtherFactorsSharingTheLimiter() {
        TotpVerifier totp = TotpVerifier.builder(Totp.builder().build()).clock(clock).attemptLimiter(limiter).build();
        OtpSecret secret = OtpSecret.generate();
        String totpCode = totp.totp().generate(secret, clock.instant());
        assertEquals(Status.INVALID, totp.verify("alice", secret, wrong(totpCode)).status());
        assertEquals(Status.INVALID, totp.verify("alice", secret, wrong(totpCode)).status());
        assertTrue(codes.verify("alice", "login", codes.issue("alice", "login").code()).isValid());
        assertEquals(Status.INVALID, totp.verify("alice", secret, wrong(totpCode)).status(), "not locked");
    }

    @Test
    void aFullLimiterMakesTheTryUnavailableUncheckedAndUncounted() {
        AttemptLimiter oneAccount = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1).build();
        CountingStore store = new CountingStore(OneTimeCodeStore.inMemoryBuilder().clock(clock).build());
        OneTimeCodes small = OneTimeCodes.builder().clock(clock).store(store).hashKey(SecretSealer.generateKey())
                .attemptLimiter(oneAccount).build();
        assertEquals(Status.EXPIRED, small.verify("bob", "login", "123456").status(), "bob fills the limiter");
        String code = small.issue("alice", "login").code();
        int claimsBefore = store.claims.get();

        Verification unavailable = small.verify("alice", "login", code);
        assertEquals(Status.UNAVAILABLE, unavailable.status());
        assertEquals(Optional.empty(), unavailable.retryAfter());
        assertEquals(claimsBefore, store.claims.get(), "the code was not looked at");
        oneAccount.recordSuccess("bob");
        assertTrue(small.verify("alice", "login", code).isValid(), "and not used up");
    }

    @Test
    void concurrentWrongGuessesAcrossTwoCodesGetNoMoreComparisonsThanTheAccountsLimit() throws Exception {
        // Two scopes, so that the codes' own tries (5 each) allow more than the account's 3.
        String login = codes.issue("alice", "login").code();
        String transfer = codes.issue("alice", "transfer").code();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Verification>> results = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                String scope = thread % 2 == 0 ? "login" : "transfer";
                String guess = wrong(thread % 2 == 0 ? login : transfer);
                results.add(pool.submit(() -> {
                    start.await();
                    return codes.verify("alice", scope, guess);
                }));
            }
            start.countDown();
            int compared = 0;
            for (Future<Verification> result : results) {
                Status status = result.get(10, TimeUnit.SECONDS).status();
                assertTrue(status == Status.INVALID || status == Status.LOCKED, "unexpected " + status);
                compared += status == Status.INVALID ? 1 : 0;
            }
            assertEquals(3, compared);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noneLeavesOnlyTheLimitPerCode() {
        OneTimeCodes perCodeOnly = OneTimeCodes.builder().clock(clock).attemptLimiter(AttemptLimiter.none()).build();
        for (int round = 0; round < 3; round++) {
            String code = perCodeOnly.issue("alice", "login").code();
            for (int guess = 0; guess < perCodeOnly.maxAttempts(); guess++) {
                assertEquals(Status.INVALID, perCodeOnly.verify("alice", "login", wrong(code)).status());
            }
        }
        assertTrue(perCodeOnly.verify("alice", "login", perCodeOnly.issue("alice", "login").code()).isValid());
    }

    @Test
    void eachInstanceMakesItsOwnDefaultLimiter() {
        OneTimeCodes.Builder builder = OneTimeCodes.builder().clock(clock);
        OneTimeCodes first = builder.build();
        OneTimeCodes second = builder.build();
        for (int guess = 0; guess < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; guess++) {
            assertEquals(Status.EXPIRED, first.verify("alice", "login", "123456").status());
        }
        assertEquals(Status.LOCKED, first.verify("alice", "login", "123456").status());
        assertEquals(Status.EXPIRED, second.verify("alice", "login", "123456").status());
    }

    @Test
    void theDefaultLimiterRunsOnTheBuildersClock() {
        OneTimeCodes byDefault = OneTimeCodes.builder().clock(clock).build();
        for (int guess = 0; guess < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; guess++) {
            byDefault.verify("alice", "login", "123456");
        }
        assertEquals(Optional.of(T0.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)),
                byDefault.verify("alice", "login", "123456").retryAfter());
        clock.advance(AttemptLimiter.DEFAULT_FIRST_LOCK.plus(Duration.ofSeconds(1)));
        assertEquals(Status.EXPIRED, byDefault.verify("alice", "login", "123456").status());
    }

    @Test
    void refusesANullLimiter() {
        assertEquals("limiter",
                assertThrows(NullPointerException.class, () -> OneTimeCodes.builder().attemptLimiter(null)).getMessage());
    }

    /** Locks alice in {@link #limiter} with 3 failures. */
    private void lockAlice() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.beginAttempt("alice").proceeds());
        }
        assertEquals(Status.LOCKED, codes.verify("alice", "login", "123456").status());
    }

    /** A code of the same length that is certainly not {@code code}. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** Counts the tries claimed in the store it wraps. */
    private static final class CountingStore implements OneTimeCodeStore {
        final AtomicInteger claims = new AtomicInteger();
        private final OneTimeCodeStore inner;

        CountingStore(OneTimeCodeStore inner) {
            this.inner = inner;
        }

        @Override
        public void put(PendingCode code) {
            inner.put(code);
        }

        @Override
        public Optional<PendingCode> claimAttempt(String accountId, String scope) {
            claims.incrementAndGet();
            return inner.claimAttempt(accountId, scope);
        }

        @Override
        public boolean remove(String accountId, String scope, String issueId) {
            return inner.remove(accountId, scope, issueId);
        }
    }
}
