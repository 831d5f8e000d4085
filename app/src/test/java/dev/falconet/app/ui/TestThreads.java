package dev.falconet.app.ui;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Threads for view-model tests: UI and background work run on the calling thread; only the debounce timer is real. */
public final class TestThreads {
    private TestThreads() {}

    public static UiThreads direct() {
        return new UiThreads(Runnable::run, new Direct(), Executors.newSingleThreadScheduledExecutor());
    }

    /** Waits up to 5 s for a condition that a timer thread makes true. */
    public static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs each task at once on the submitting thread. */
    static final class Direct extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable r) {
            r.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
