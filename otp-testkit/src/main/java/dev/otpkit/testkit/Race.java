package dev.otpkit.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs one task on many threads at once, for tests of atomicity: every thread is started and
 * waiting before a single latch releases them all together. The contracts race 32 threads on
 * one account (the same step, the same code, the same hash) and count the answers; use it the
 * same way in tests of your own:
 *
 * <pre>{@code
 * List<Boolean> removed = Race.run(32, () -> store.remove("alice", "login", issueId));
 * assertEquals(1, Collections.frequency(removed, true));
 * }</pre>
 *
 * <p>Each racer has a thread of its own (not a pool that might run them one after the other),
 * a daemon thread named {@code otpkit-race-}<i>n</i>.
 */
public final class Race {
    /** How long a race may take before it counts as stuck: a deadlock in the store. */
    private static final long TIMEOUT_SECONDS = 60;
    /** The most threads one race starts. */
    private static final int MAX_RACERS = 1_000;
    /** The racers still running in the current thread's race; null outside a race. */
    private static final ThreadLocal<Phaser> RACERS = new ThreadLocal<>();

    private Race() {
    }

    /**
     * Starts {@code racers} threads that each call {@code task} once, all released at the same
     * instant, waits for all of them and returns their answers.
     *
     * @param racers how many threads race, 2 to 1,000
     * @param task what each thread does; it may return null
     * @param <T> the answer type
     * @return the answers, one per thread in the order the threads were started
     * @throws NullPointerException if {@code task} is null
     * @throws IllegalArgumentException if {@code racers} is not 2 to 1,000
     * @throws AssertionError if a racer threw (the first one's exception is the cause, the
     *     others are suppressed), or if the race did not finish within 60 seconds
     */
    public static <T> List<T> run(int racers, Callable<? extends T> task) {
        Objects.requireNonNull(task, "task");
        if (racers < 2 || racers > MAX_RACERS) {
            throw new IllegalArgumentException("racers must be 2 to " + MAX_RACERS + ", was " + racers);
        }
        AtomicReferenceArray<T> answers = new AtomicReferenceArray<>(racers);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(racers);
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch start = new CountDownLatch(1);
        Phaser running = new Phaser(racers);
        List<Thread> threads = new ArrayList<>(racers);
        for (int i = 0; i < racers; i++) {
            int racer = i;
            Thread thread = new Thread(() -> {
                RACERS.set(running);
                try {
                    ready.countDown();
                    start.await();
                    answers.set(racer, task.call());
                } catch (Throwable failure) {
                    failures.set(racer, failure);
                } finally {
                    running.arriveAndDeregister();
                    RACERS.remove();
                }
            }, "otpkit-race-" + racer);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        await(ready, deadline);
        start.countDown();
        joinAll(threads, deadline);
        rethrowFailures(failures);
        List<T> list = new ArrayList<>(racers);
        for (int i = 0; i < racers; i++) {
            list.add(answers.get(i));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Holds the calling racer until every other racer of its race has reached this point too,
     * or finished; on a thread that is not racing it returns at once. For the deliberately
     * broken stores in the kit's own tests, which call it between their check and their act:
     * every racer then checks before any acts, so a race that a non-atomic store loses only
     * now and then is lost every time.
     */
    static void rendezvous() {
        Phaser running = RACERS.get();
        if (running == null) {
            return;
        }
        try {
            running.awaitAdvanceInterruptibly(running.arrive(), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException stuck) {
            // Another racer is stuck in the store: go on, and let run() report the race as stuck.
        }
    }

    private static void await(CountDownLatch latch, long deadline) {
        try {
            if (!latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw stuck();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting the race", interrupted);
        }
    }

    private static void joinAll(List<Thread> threads, long deadline) {
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
                if (thread.isAlive()) {
                    threads.forEach(Thread::interrupt);
                    throw stuck();
                }
            }
        } catch (InterruptedException interrupted) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the racers", interrupted);
        }
    }

    private static AssertionError stuck() {
        return new AssertionError("the race did not finish within " + TIMEOUT_SECONDS
                + " s: a racer is blocked, a deadlock in the store?");
    }

    private static void rethrowFailures(AtomicReferenceArray<Throwable> failures) {
        AssertionError error = null;
        for (int i = 0; i < failures.length(); i++) {
            Throwable failure = failures.get(i);
            if (failure == null) {
                continue;
            }
            if (error == null) {
                error = new AssertionError("racer " + i + " of " + failures.length() + " threw " + failure, failure);
            } else {
                error.addSuppressed(failure);
            }
        }
        if (error != null) {
            throw error;
        }
    }
}
