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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeCodesTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final OneTimeCodes codes = OneTimeCodes.builder().clock(clock).build();

    @ParameterizedTest
    @ValueSource(ints = {4, 6, 8, 10})
    void issuesCodesOfTheConfiguredLength(int digits) {
        OneTimeCodes sized = OneTimeCodes.builder().digits(digits).clock(clock).build();
        for (int i = 0; i < 50; i++) {
            IssuedCode issued = sized.issue("alice", "login");
            assertTrue(issued.code().matches("[0-9]{" + digits + "}"), "length and digits only");
            assertEquals(Status.VALID, sized.verify("alice", "login", issued.code()).status());
        }
    }

    @Test
    void acceptsACodeOnlyOnce() {
        String code = codes.issue("alice", "login").code();
        Verification accepted = codes.verify("alice", "login", code);
        assertEquals(Verification.valid(), accepted);
        assertEquals(Optional.empty(), accepted.match(), "an email code has no counter");
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", code).status());
    }

    @Test
    void acceptsTheCodeAsAppsAndUsersTypeIt() {
        String code = codes.issue("alice", "login").code();
        assertTrue(codes.verify("alice", "login", " " + code.substring(0, 3) + " " + code.substring(3) + "\n")
                .isValid());
    }

    @Test
    void expiresAfterTheTimeToLive() {
        IssuedCode issued = codes.issue("alice", "login");
        assertEquals(T0.plus(OneTimeCodes.DEFAULT_TTL), issued.expiresAt());
        clock.set(issued.expiresAt());
        assertEquals(Verification.expired(), codes.verify("alice", "login", issued.code()));
        clock.set(T0);
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", issued.code()).status(),
                "an expired code is removed, not kept for a clock that goes back");
    }

    @Test
    void acceptsACodeUntilJustBeforeItExpires() {
        OneTimeCodes shortLived = OneTimeCodes.builder().clock(clock).ttl(Duration.ofMinutes(2)).build();
        IssuedCode issued = shortLived.issue("alice", "login");
        clock.set(issued.expiresAt().minusNanos(1));
        assertTrue(shortLived.verify("alice", "login", issued.code()).isValid());
    }

    @Test
    void newCodeSupersedesThePreviousOne() {
        String first = codes.issue("alice", "login").code();
        String second = codes.issue("alice", "login").code();
        if (!first.equals(second)) {
            assertEquals(Status.INVALID, codes.verify("alice", "login", first).status());
        }
        assertTrue(codes.verify("alice", "login", second).isValid());
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", first).status());
    }

    @Test
    void codeForOneScopeDoesNotAuthorizeAnother() {
        String login = codes.issue("alice", "login").code();
        assertEquals(Status.EXPIRED, codes.verify("alice", "transfer", login).status(), "nothing pending");
        String transfer = codes.issue("alice", "transfer").code();
        assertNotEquals(Status.VALID, codes.verify("alice", "transfer", login).status());
        assertTrue(codes.verify("alice", "login", login).isValid(), "each scope keeps its own code");
        assertNotEquals(Status.VALID, codes.verify("alice", "login", transfer).status());
    }

    @Test
    void codeForOneAccountDoesNotWorkForAnother() {
        String alice = codes.issue("alice", "login").code();
        assertEquals(Status.EXPIRED, codes.verify("bob", "login", alice).status());
        codes.issue("bob", "login");
        assertNotEquals(Status.VALID, codes.verify("bob", "login", alice).status());
        assertTrue(codes.verify("alice", "login", alice).isValid());
    }

    @Test
    void acceptsTheRightCodeOnTheLastAllowedAttempt() {
        String code = codes.issue("alice", "login").code();
        for (int i = 1; i < OneTimeCodes.DEFAULT_MAX_ATTEMPTS; i++) {
            assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(code)).status());
        }
        assertTrue(codes.verify("alice", "login", code).isValid());
    }

    @Test
    void burnsTheCodeAfterMaxAttemptsWrongTries() {
        String code = codes.issue("alice", "login").code();
        for (int i = 0; i < OneTimeCodes.DEFAULT_MAX_ATTEMPTS; i++) {
            assertEquals(Status.INVALID, codes.verify("alice", "login", wrong(code)).status());
        }
        assertEquals(Status.EXPIRED, codes.verify("alice", "login", code).status());
    }

    @Test
    void aNewCodeGetsFreshAttempts() {
        OneTimeCodes oneTry = OneTimeCodes.builder().maxAttempts(1).clock(clock).build();
        String burned = oneTry.issue("alice", "login").code();
        assertEquals(Status.INVALID, oneTry.verify("alice", "login", wrong(burned)).status());
        assertEquals(Status.EXPIRED, oneTry.verify("alice", "login", burned).status());
        assertTrue(oneTry.verify("alice", "login", oneTry.issue("alice", "login").code()).isValid());
    }

    @Test
    void malformedInputUsesNoAttempt() {
        OneTimeCodes oneTry = OneTimeCodes.builder().maxAttempts(1).clock(clock).build();
        String code = oneTry.issue("alice", "login").code();
        for (int i = 0; i < 20; i++) {
            assertEquals(Status.MALFORMED, oneTry.verify("alice", "login", code + "0").status());
        }
        assertTrue(oneTry.verify("alice", "login", code).isValid());
    }

    static Stream<CharSequence> hostileInputs() {
        return Stream.of(null, "", " ", "12345", "1234567", "12a456", "123-456", "12 34 56", "-12345", "+12345",
                "１２３４５６", "١٢٣٤٥٦", "123456\u0000", "12\uD800456", "\uD83D\uDE00", "0x1E240", "1e5",
                "9".repeat(1_000_000), new StringBuilder(" ".repeat(10_000)), "' OR 1=1 --", "%d%n%s");
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void hostileInputIsMalformedNeverAnException(CharSequence input) {
        String code = codes.issue("alice", "login").code();
        assertEquals(Verification.malformed(), codes.verify("alice", "login", input));
        assertTrue(codes.verify("alice", "login", code).isValid(), "the pending code is untouched");
    }

    @Test
    void sixteenThreadsRacingWithTheRightCodeGetItAcceptedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 25; round++) {
                String code = codes.issue("alice", "login").code();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Verification>> results = new ArrayList<>();
                for (int thread = 0; thread < 16; thread++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return codes.verify("alice", "login", code);
                    }));
                }
                start.countDown();
                int valid = 0;
                for (Future<Verification> result : results) {
                    Status status = result.get(10, TimeUnit.SECONDS).status();
                    assertTrue(status == Status.VALID || status == Status.REPLAYED || status == Status.EXPIRED,
                            "unexpected " + status);
                    valid += status == Status.VALID ? 1 : 0;
                }
                assertEquals(1, valid, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentGuessesGetNoMoreThanMaxAttemptsComparisons() throws Exception {
        // Every guess is wrong, so every thread that got an attempt before the code was burned
        // says INVALID; the others are refused unchecked.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            String code = codes.issue("alice", "login").code();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Verification>> results = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return codes.verify("alice", "login", wrong(code));
                }));
            }
            start.countDown();
            int compared = 0;
            for (Future<Verification> result : results) {
                compared += result.get(10, TimeUnit.SECONDS).status() == Status.INVALID ? 1 : 0;
            }
            assertEquals(OneTimeCodes.DEFAULT_MAX_ATTEMPTS, compared);
            assertEquals(Status.EXPIRED, codes.verify("alice", "login", code).status());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Chi-square test of 4-digit codes over all 10,000 values: 50,000 codes (5 expected per
     * value), 9,999 degrees of freedom, critical value for p = 10^-6 (about 10,700). A uniform
     * generator fails about once in a million runs; a skewed or value-skipping one fails. The
     * bias that rejection sampling removes is far too small for any sample to show: that step is
     * tested directly in {@code UniformSamplingTest}.
     */
    @Test
    void codesAreUniformOverAllValues() {
        OneTimeCodes fourDigits = OneTimeCodes.builder().digits(4).clock(clock).build();
        int samples = 50_000;
        int[] counts = new int[10_000];
        for (int i = 0; i < samples; i++) {
            counts[Integer.parseInt(fourDigits.issue("alice", "login").code())]++;
        }
        assertChiSquareBelow(counts, samples, criticalValue(counts.length - 1));
    }

    /** Every position of 10-digit codes, the widest, is a uniform decimal digit. */
    @Test
    void tenDigitCodesAreUniformInEveryPosition() {
        OneTimeCodes tenDigits = OneTimeCodes.builder().digits(10).clock(clock).build();
        int samples = 20_000;
        int[][] counts = new int[10][10];
        for (int i = 0; i < samples; i++) {
            String code = tenDigits.issue("alice", "login").code();
            for (int position = 0; position < 10; position++) {
                counts[position][code.charAt(position) - '0']++;
            }
        }
        for (int[] position : counts) {
            assertChiSquareBelow(position, samples, criticalValue(9));
        }
    }

    private static void assertChiSquareBelow(int[] counts, int samples, double critical) {
        double expected = (double) samples / counts.length;
        double chiSquare = Arrays.stream(counts).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        assertTrue(chiSquare < critical, "chi-square " + chiSquare + " >= " + critical);
    }

    /** Upper 10^-6 quantile of chi-square with k degrees of freedom, Wilson-Hilferty approximation. */
    private static double criticalValue(int k) {
        double z = 4.753;  // standard normal upper 10^-6 quantile
        double a = 2.0 / (9 * k);
        return k * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    @Test
    void storesOnlyAKeyedHashOfTheCode() {
        RecordingStore store = new RecordingStore();
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        OneTimeCodes withKey = OneTimeCodes.builder().store(store).hashKey(key).clock(clock).build();
        String code = withKey.issue("alice", "login").code();
        PendingCode stored = store.codes.get("alice/login");
        assertEquals(32, stored.hash().length);
        assertFalse(new String(stored.hash(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(code));
        assertFalse(stored.toString().contains(code));

        byte[] otherKey = key.clone();
        otherKey[0] = 8;
        OneTimeCodes otherServer = OneTimeCodes.builder().store(store).hashKey(otherKey).clock(clock).build();
        assertEquals(Status.INVALID, otherServer.verify("alice", "login", code).status(),
                "the stored hash is useless without the key");
        OneTimeCodes sameKey = OneTimeCodes.builder().store(store).hashKey(key).clock(clock).build();
        assertTrue(sameKey.verify("alice", "login", code).isValid(), "instances sharing store and key agree");
    }

    @Test
    void hashBindsTheCodeToItsAccountAndScopeEvenIfAStoreMixesUpRows() {
        RecordingStore store = new RecordingStore();
        OneTimeCodes withStore = OneTimeCodes.builder().store(store).hashKey(SecretSealer.generateKey()).clock(clock).build();
        String code = withStore.issue("alice", "login").code();
        PendingCode aliceRow = store.codes.get("alice/login");
        store.codes.put("bob/login", aliceRow);
        store.codes.put("alice/transfer", aliceRow);
        assertEquals(Status.INVALID, withStore.verify("bob", "login", code).status());
        assertEquals(Status.INVALID, withStore.verify("alice", "transfer", code).status());
        assertTrue(withStore.verify("alice", "login", code).isValid());
    }

    @Test
    void printsNoCode() {
        IssuedCode issued = codes.issue("alice", "login");
        assertEquals("IssuedCode[6 digits, expires 2026-11-22T10:10:00Z]", issued.toString());
        assertEquals("OneTimeCodes[6 digits, ttl PT10M, 5 attempts]", codes.toString());
        assertFalse(codes.verify("alice", "login", issued.code()).toString().contains(issued.code()));
    }

    @Test
    void builderRefusesUnsafeOrImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().digits(3).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().digits(11).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().ttl(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().ttl(Duration.ofDays(2)).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().maxAttempts(0).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().maxAttempts(11).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().hashKey(new byte[31]).build());
        assertThrows(IllegalArgumentException.class, () -> OneTimeCodes.builder().hashKey(new byte[32]).build());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> OneTimeCodes.builder().store(new RecordingStore()).build());
        assertTrue(noKey.getMessage().contains("hashKey"));
    }

    @Test
    void refusesToIssueWhileTheStoreIsFullOfLiveCodes() {
        OneTimeCodes small = OneTimeCodes.builder().clock(clock)
                .store(OneTimeCodeStore.inMemoryBuilder().clock(clock).maxEntries(1).build())
                .hashKey(SecretSealer.generateKey()).build();
        String alices = small.issue("alice", "login").code();

        StoreFullException full = assertThrows(StoreFullException.class, () -> small.issue("bob", "login"));
        assertEquals(Optional.of(T0.plus(OneTimeCodes.DEFAULT_TTL)), full.retryAfter());
        assertTrue(small.verify("alice", "login", alices).isValid(), "alice's code was not evicted for bob's");
        assertEquals(Status.VALID, small.verify("bob", "login", small.issue("bob", "login").code()).status(),
                "alice's used code freed the room");
    }

    @Test
    void missingOrEmptyAccountOrScopeIsAProgrammerError() {
        assertThrows(NullPointerException.class, () -> codes.issue(null, "login"));
        assertEquals("accountId must not be empty",
                assertThrows(IllegalArgumentException.class, () -> codes.issue("", "login")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> codes.issue("alice", ""));
        assertThrows(NullPointerException.class, () -> codes.verify("alice", null, "123456"));
        assertThrows(IllegalArgumentException.class, () -> codes.verify("", "login", "123456"));
        assertEquals("scope must not be empty",
                assertThrows(IllegalArgumentException.class, () -> codes.verify("alice", "", "123456")).getMessage());
    }

    @Test
    void reportsItsSettings() {
        assertEquals(OneTimeCodes.DEFAULT_DIGITS, codes.digits());
        assertEquals(OneTimeCodes.DEFAULT_TTL, codes.ttl());
        assertEquals(OneTimeCodes.DEFAULT_MAX_ATTEMPTS, codes.maxAttempts());
        OneTimeCodes custom = OneTimeCodes.builder().digits(8).ttl(Duration.ofMinutes(3)).maxAttempts(2).build();
        assertEquals(8, custom.digits());
        assertEquals(Duration.ofMinutes(3), custom.ttl());
        assertEquals(2, custom.maxAttempts());
    }

    @Test
    void aOneSecondCodeExpiresOneSecondAfterIssue() {
        OneTimeCodes shortest = OneTimeCodes.builder().clock(clock).ttl(Duration.ofSeconds(1)).build();
        IssuedCode issued = shortest.issue("alice", "login");
        assertEquals(T0.plusSeconds(1), issued.expiresAt());
        clock.set(T0.plusSeconds(1));
        assertEquals(Status.EXPIRED, shortest.verify("alice", "login", issued.code()).status());
    }

    @Test
    void aDayLongCodeIsAcceptedUntilTheDayEnds() {
        OneTimeCodes longest = OneTimeCodes.builder().clock(clock).ttl(OneTimeCodes.MAX_TTL).build();
        IssuedCode issued = longest.issue("alice", "login");
        assertEquals(T0.plus(Duration.ofHours(24)), issued.expiresAt());
        clock.set(issued.expiresAt().minusMillis(1));
        assertTrue(longest.verify("alice", "login", issued.code()).isValid());
    }

    @Test
    void tenAttemptsAllowTenTriesAndTheTenthWrongOneBurnsTheCode() {
        OneTimeCodes patient = OneTimeCodes.builder().clock(clock).maxAttempts(OneTimeCodes.MAX_MAX_ATTEMPTS).build();
        String code = patient.issue("alice", "login").code();
        for (int i = 0; i < OneTimeCodes.MAX_MAX_ATTEMPTS; i++) {
            assertEquals(Status.INVALID, patient.verify("alice", "login", wrong(code)).status(), "try " + (i + 1));
        }
        assertEquals(Status.EXPIRED, patient.verify("alice", "login", code).status());
    }

    @Test
    void attemptsCountedElsewhereUseUpTheCodeEvenForTheRightCode() {
        // Other instances sharing the store, or concurrent requests, have claimed every attempt.
        OneTimeCodeStore store = OneTimeCodeStore.inMemoryBuilder().clock(clock).build();
        OneTimeCodes shared = OneTimeCodes.builder().store(store).hashKey(SecretSealer.generateKey()).clock(clock)
                .build();
        String code = shared.issue("alice", "login").code();
        for (int i = 0; i < shared.maxAttempts(); i++) {
            store.claimAttempt("alice", "login");
        }
        assertEquals(Verification.expired(), shared.verify("alice", "login", code));
    }

    /** A store may hand out a code its own purge has not reached yet; the service's clock decides. */
    @Test
    void aCodeTheStoreStillHoldsAfterItExpiredIsExpiredAndRemoved() {
        RecordingStore store = new RecordingStore();
        OneTimeCodes withStore = OneTimeCodes.builder().store(store).hashKey(SecretSealer.generateKey()).clock(clock)
                .build();
        String code = withStore.issue("alice", "login").code();
        clock.set(T0.plus(OneTimeCodes.DEFAULT_TTL));

        assertEquals(Verification.expired(), withStore.verify("alice", "login", code));
        assertFalse(store.codes.containsKey("alice/login"), "the expired code was removed");
    }

    @Test
    void everyIssueHasItsOwnUrlSafeIssueId() {
        RecordingStore store = new RecordingStore();
        OneTimeCodes withStore = OneTimeCodes.builder().store(store).hashKey(SecretSealer.generateKey()).clock(clock)
                .build();
        withStore.issue("alice", "login");
        String first = store.codes.get("alice/login").issueId();
        withStore.issue("alice", "login");
        String second = store.codes.get("alice/login").issueId();
        assertTrue(first.matches("[A-Za-z0-9_-]{22}"), first);
        assertTrue(second.matches("[A-Za-z0-9_-]{22}"), second);
        assertNotEquals(first, second);
    }

    /** A code of the same length that is certainly not {@code code}. */
    private static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** A store an application might write over a map, keeping what it was given for inspection. */
    private static final class RecordingStore implements OneTimeCodeStore {
        final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

        @Override
        public void put(PendingCode code) {
            codes.put(code.accountId() + "/" + code.scope(), code);
        }

        @Override
        public Optional<PendingCode> claimAttempt(String accountId, String scope) {
            return Optional.ofNullable(codes.computeIfPresent(accountId + "/" + scope,
                    (key, code) -> code.withAttempts(code.attempts() + 1)));
        }

        @Override
        public boolean remove(String accountId, String scope, String issueId) {
            String key = accountId + "/" + scope;
            PendingCode pending = codes.get(key);
            return pending != null && pending.issueId().equals(issueId) && codes.remove(key, pending);
        }
    }
}
