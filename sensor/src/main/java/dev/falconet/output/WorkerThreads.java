package dev.falconet.output;

import java.time.Duration;

/** Stopping a delivery worker: let it drain for a while, then interrupt it and give it a moment to exit. */
public final class WorkerThreads {
    private WorkerThreads() {}

    /**
     * Waits up to {@code drain} (plus half a second) for {@code worker} to finish on its own, then
     * interrupts it and waits up to {@code grace} more. Keeps the caller's interrupt status.
     */
    public static void stop(Thread worker, Duration drain, Duration grace) {
        try {
            worker.join(drain.plusMillis(500));
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
