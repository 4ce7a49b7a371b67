package dev.otpkit.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs tasks on many threads released at once, to make calls collide. */
final class Race {
    private Race() {
    }

    /**
     * Runs {@code threads} tasks at once and returns their results in thread order.
     *
     * @param threads how many threads
     * @param task the task of thread i
     */
    static <T> List<T> run(int threads, IntFunction<Callable<T>> task) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> work = task.apply(i);
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a racing call threw", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a racing call did not finish in 120 s", e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Runs the same task on every thread. */
    static <T> List<T> runAll(int threads, Callable<T> task) {
        return run(threads, i -> task);
    }
}
