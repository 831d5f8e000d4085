package dev.falconet.enrich.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The mock API server itself: a watch closed while the mock still sends it events does not hang the server. */
class MockClusterSelfTest {
    @Test
    void closingWatchesDuringTheirInitialEventsLeavesAServerThatStops() {
        long t0 = System.nanoTime();
        MockCluster cluster = MockCluster.start();
        var client = cluster.client();
        for (int i = 0; i < 300; i++) {
            client.resource(new PodBuilder().withNewMetadata().withNamespace("ns").withName("pod-" + i).endMetadata().build()).create();
        }
        var received = new AtomicInteger();
        for (int round = 0; round < 5; round++) {
            // the mock sends a new watch every existing pod; the watch closes after the first few arrive
            Watch w = client.pods().inAnyNamespace().watch(new Watcher<Pod>() {
                @Override
                public void eventReceived(Action action, Pod pod) {
                    received.incrementAndGet();
                }

                @Override
                public void onClose(WatcherException cause) {}
            });
            long until = System.nanoTime() + 5_000_000_000L;
            int before = received.get();
            while (received.get() < before + 3 && System.nanoTime() < until) Thread.onSpinWait();
            w.close();
        }
        cluster.closeStrictly();
        assertThat(received.get()).isGreaterThan(0);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to run and stop").isLessThan(8_000);
    }
}
