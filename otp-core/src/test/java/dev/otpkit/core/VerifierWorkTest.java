package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.otpkit.core.Verification.Status;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How long a verification takes must not tell which step of the window matched, nor whether a
 * locked account's code was right. Rather than time anything, these tests count the HMACs a
 * verification computes, and require the same count for a right code at any step of the window
 * as for a wrong code, and none at all where the README says no code is computed (input that is
 * not a code, a locked account, a limiter with no room to count the attempt).
 *
 * <p>The count comes from a JCA provider placed first for SHA-1 while these tests run, whose
 * digests count how often they finish: an HMAC is two digests. otpkit takes its digests from the
 * JDK once per thread, so each verification measured runs on a thread of its own, started while
 * the provider is first.
 */
class VerifierWorkTest {
    /** The start of a 30-second step, plus 10 s: every neighbouring step is a whole step away. */
    private static final Instant NOW = Instant.ofEpochSecond(59_000_010L * 30 + 10);
    private static final AtomicLong DIGESTS = new AtomicLong();
    private static final CountingProvider COUNTING = new CountingProvider();

    private final TestClock clock = new TestClock(NOW);
    private final Totp totp = Totp.builder().build();
    private final OtpSecret secret = OtpSecret.generate();

    @BeforeAll
    static void countDigests() {
        assertEquals(1, Security.insertProviderAt(COUNTING, 1), "the counting provider comes first");
    }

    @AfterAll
    static void stopCounting() {
        Security.removeProvider(COUNTING.getName());
    }

    /** What one verification answered and how many HMACs it computed. */
    private record Work(Verification answer, long hmacs) {
    }

    /** Runs {@code verification} on a new thread, so that it uses counting digests. */
    private static Work measure(Supplier<Verification> verification) throws Exception {
        DIGESTS.set(0);
        FutureTask<Verification> task = new FutureTask<>(verification::get);
        Thread thread = new Thread(task);
        thread.start();
        Verification answer = task.get();
        thread.join();
        return new Work(answer, DIGESTS.get() / 2);
    }

    /** A code that no step from {@code first} to {@code last} has. */
    private String codeOfNoStep(long first, long last) {
        Set<String> codes = new HashSet<>();
        for (long step = first; step <= last; step++) {
            codes.add(totp.generateForStep(secret, step));
        }
        for (int value = 0;; value++) {
            String code = String.format("%06d", value);
            if (!codes.contains(code)) {
                return code;
            }
        }
    }

    @Test
    void computesEveryCodeOfTheWindowWhicheverStepMatchesOrNone() throws Exception {
        int behind = 2;
        int ahead = 3;
        TotpVerifier verifier = TotpVerifier.builder(totp).window(behind, ahead).clock(clock).build();
        long current = totp.step(NOW);
        int windowSize = behind + 1 + ahead;

        for (int offset = -behind; offset <= ahead; offset++) {
            String right = totp.generateForStep(secret, current + offset);
            Work plain = measure(() -> verifier.verify(secret, right));
            Work account = measure(() -> verifier.verify("account-" + right, secret, right));
            assertEquals(new Work(Verification.valid(current + offset, offset), windowSize), plain, "step " + offset);
            assertEquals(plain, account, "step " + offset + ", account-aware");
        }
        String wrong = codeOfNoStep(current - behind, current + ahead);
        assertEquals(new Work(Verification.invalid(), windowSize), measure(() -> verifier.verify(secret, wrong)));
        assertEquals(new Work(Verification.invalid(), windowSize),
                measure(() -> verifier.verify("alice", secret, wrong)));
        assertEquals(new Work(Verification.malformed(), 0), measure(() -> verifier.verify("alice", secret, "12345")));
    }

    @Test
    void computesNoCodeForALockedAccountWhetherTheCodeIsRightOrWrong() throws Exception {
        TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).build();
        long current = totp.step(NOW);
        String wrong = codeOfNoStep(current - 1, current + 1);
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertEquals(Status.INVALID, verifier.verify("alice", secret, wrong).status());
        }
        Verification locked = Verification.locked(NOW.plus(AttemptLimiter.DEFAULT_FIRST_LOCK));
        String right = totp.generate(secret, NOW);

        assertEquals(new Work(locked, 0), measure(() -> verifier.verify("alice", secret, right)));
        assertEquals(new Work(locked, 0), measure(() -> verifier.verify("alice", secret, wrong)));
    }

    @Test
    void computesNoCodeWhileTheLimiterHasNoRoomToCountTheAttempt() throws Exception {
        AttemptLimiter oneAccount = AttemptLimiter.inMemoryBuilder().clock(clock).maxEntries(1).build();
        TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).attemptLimiter(oneAccount).build();
        long current = totp.step(NOW);
        assertEquals(Status.INVALID, verifier.verify("bob", secret, codeOfNoStep(current - 1, current + 1)).status(),
                "bob's failure fills the limiter");
        String right = totp.generate(secret, NOW);

        assertEquals(new Work(Verification.unavailable(Optional.empty()), 0),
                measure(() -> verifier.verify("carol", secret, right)));
    }

    @Test
    void comparesOnlyAsManyOfThirtyTwoParallelWrongGuessesAsTheLimitAllows() throws Exception {
        TotpVerifier verifier = TotpVerifier.builder(totp).clock(clock).build();
        long current = totp.step(NOW);
        String wrong = codeOfNoStep(current - 1, current + 1);
        int guesses = 32;
        DIGESTS.set(0);

        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Verification>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return verifier.verify("alice", secret, wrong);
                }));
            }
            start.countDown();
            for (Future<Verification> answer : answers) {
                byStatus.merge(answer.get().status(), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        int allowed = AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK;
        assertEquals(Map.of(Status.INVALID, allowed, Status.LOCKED, guesses - allowed), byStatus);
        assertEquals(allowed * 3L, DIGESTS.get() / 2, "the codes of a ±1 window, for the allowed guesses only");
    }

    @Test
    void hotpComputesEveryCounterOfTheLookAheadWhicheverMatchesAndNoneWhenLocked() throws Exception {
        Hotp hotp = Hotp.builder().build();
        HotpVerifier verifier = HotpVerifier.builder(hotp).clock(clock).build();
        int lookAhead = HotpVerifier.DEFAULT_LOOK_AHEAD;
        for (int counter = 0; counter <= lookAhead; counter++) {
            String right = hotp.generate(secret, counter);
            Work work = measure(() -> verifier.verify("account-" + right, secret, right, 0));
            assertEquals(Status.VALID, work.answer().status(), "counter " + counter);
            assertEquals(lookAhead + 1, work.hmacs(), "counter " + counter);
        }
        Set<String> window = new HashSet<>();
        for (int counter = 0; counter <= lookAhead; counter++) {
            window.add(hotp.generate(secret, counter));
        }
        String wrong = window.contains("000000") ? "999999" : "000000";
        for (int i = 0; i < AttemptLimiter.DEFAULT_FAILURES_BEFORE_LOCK; i++) {
            assertEquals(new Work(Verification.invalid(), lookAhead + 1),
                    measure(() -> verifier.verify("alice", secret, wrong, 0)));
        }
        String right = hotp.generate(secret, 0);
        assertEquals(new Work(Verification.locked(NOW.plus(AttemptLimiter.DEFAULT_FIRST_LOCK)), 0),
                measure(() -> verifier.verify("alice", secret, right, 0)));
    }

    /** A provider of SHA-1 digests that count how often they finish. */
    private static final class CountingProvider extends Provider {
        private static final long serialVersionUID = 1L;

        CountingProvider() {
            super("otpkit-test-counting", "1", "SHA-1 digests that count how often they finish");
            putService(new Service(this, "MessageDigest", "SHA-1", CountingSha1.class.getName(), List.of(), Map.of()) {
                @Override
                public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                    return new CountingSha1();
                }
            });
        }
    }

    /** The JDK's own SHA-1, counting each finished digest. */
    private static final class CountingSha1 extends MessageDigestSpi {
        private final MessageDigest sha1;

        CountingSha1() throws NoSuchAlgorithmException {
            try {
                sha1 = MessageDigest.getInstance("SHA-1", "SUN");
            } catch (NoSuchProviderException e) {
                throw new NoSuchAlgorithmException("the JDK's SUN provider is missing", e);
            }
        }

        @Override
        protected int engineGetDigestLength() {
            return sha1.getDigestLength();
        }

        @Override
        protected void engineUpdate(byte input) {
            sha1.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            sha1.update(input, offset, length);
        }

        @Override
        protected byte[] engineDigest() {
            DIGESTS.incrementAndGet();
            return sha1.digest();
        }

        @Override
        protected void engineReset() {
            sha1.reset();
        }
    }
}
