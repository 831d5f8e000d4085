package dev.falconet.app.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Where view models run work: {@code ui} is the FX thread (properties are set there), {@code background}
 * takes long work off it, {@code timer} debounces. View models receive these instead of calling
 * {@code Platform.runLater} themselves, so tests run them without a window.
 */
public record UiThreads(Executor ui, ExecutorService background, ScheduledExecutorService timer) implements AutoCloseable {

    /** The app's threads: the FX thread and daemon worker threads. */
    public static UiThreads forApp() {
        return new UiThreads(Platform::runLater, Executors.newFixedThreadPool(2, daemon("falconet-worker")),
                Executors.newSingleThreadScheduledExecutor(daemon("falconet-timer")));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        background.shutdownNow();
        timer.shutdownNow();
    }
}
