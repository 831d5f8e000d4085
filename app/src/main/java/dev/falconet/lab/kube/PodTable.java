package dev.falconet.lab.kube;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Lists and watches pods as dashboard rows. */
public final class PodTable {
    /** A change to the table: a pod was added, modified or deleted. */
    public record Change(Watcher.Action action, PodRow row) {}

    private final KubernetesClient client;
    private final Clock clock;

    public PodTable(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public PodTable(KubernetesClient client) {
        this(client, Clock.systemUTC());
    }

    /** Pods of a namespace (all namespaces when null), sorted by namespace and name. */
    public List<PodRow> list(String namespace, LabLog log) {
        log.equivalent("kubectl get pods " + scope(namespace) + " -o wide --show-labels");
        try {
            List<Pod> pods = namespace == null ? client.pods().inAnyNamespace().list().getItems()
                    : client.pods().inNamespace(namespace).list().getItems();
            var now = clock.instant();
            return pods.stream().map(p -> PodRows.of(p, now))
                    .sorted(Comparator.comparing(PodRow::namespace).thenComparing(PodRow::name)).toList();
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("listing pods " + scope(namespace), e), e);
        }
    }

    /**
     * Watches pods of a namespace (all when null); every change arrives as a row. Close the returned
     * watch to stop. {@code closed} gets the reason when the server ends the watch.
     */
    public Watch watch(String namespace, LabLog log, Consumer<Change> changes, Consumer<String> closed) {
        log.equivalent("kubectl get pods " + scope(namespace) + " --watch");
        Watcher<Pod> w = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.BOOKMARK || action == Action.ERROR) return;
                changes.accept(new Change(action, PodRows.of(pod, clock.instant())));
            }

            @Override
            public void onClose(WatcherException cause) {
                closed.accept(cause == null ? "watch closed" : "watch ended: " + cause.getMessage());
            }
        };
        try {
            return namespace == null ? client.pods().inAnyNamespace().watch(w) : client.pods().inNamespace(namespace).watch(w);
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("watching pods " + scope(namespace), e), e);
        }
    }

    private static String scope(String namespace) {
        return namespace == null ? "-A" : "-n " + namespace;
    }
}
