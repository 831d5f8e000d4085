package dev.falconet.lab;

import dev.falconet.lab.exec.ExecRequest;
import dev.falconet.lab.exec.ExecResult;
import dev.falconet.lab.exec.Fabric8PodExec;
import dev.falconet.lab.exec.KubectlPodExec;
import dev.falconet.lab.exec.PodExec;
import dev.falconet.lab.falco.FalcoHelm;
import dev.falconet.lab.kube.AppliedObject;
import dev.falconet.lab.kube.KubeContextCheck;
import dev.falconet.lab.kube.KubeContextStatus;
import dev.falconet.lab.kube.ManifestApply;
import dev.falconet.lab.kube.ManifestLoader;
import dev.falconet.lab.kube.ObjectApplier;
import dev.falconet.lab.kube.PodRow;
import dev.falconet.lab.kube.PodTable;
import dev.falconet.lab.kube.Rollouts;
import dev.falconet.lab.kube.ServerSideApplier;
import dev.falconet.lab.minikube.Minikube;
import dev.falconet.lab.minikube.MinikubeCli;
import dev.falconet.lab.minikube.MinikubeStatus;
import dev.falconet.lab.minikube.StartOptions;
import dev.falconet.lab.prereq.PrerequisiteReport;
import dev.falconet.lab.prereq.Prerequisites;
import dev.falconet.lab.process.CommandRunner;
import dev.falconet.lab.process.ProcessCommandRunner;
import dev.falconet.lab.sensor.SensorDeployment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lab, headless: what the desktop app and {@code falconet lab ...} both drive. It owns the tools
 * (minikube and friends via a {@link CommandRunner}) and a Kubernetes client, created on first use so
 * {@code status} works without a cluster.
 */
public final class Lab implements AutoCloseable {
    /** Namespaces the lab's own objects live in. */
    public static final List<String> NAMESPACES = List.of("secured-ns", "prod", SensorDeployment.NAMESPACE);

    private final LabPaths paths;
    private final CommandRunner runner;
    private final Minikube minikube;
    private final Supplier<KubernetesClient> clientFactory;
    private final Function<KubernetesClient, ObjectApplier> applierFactory;
    private KubernetesClient client;

    public Lab(LabPaths paths, CommandRunner runner, Minikube minikube, Supplier<KubernetesClient> clientFactory,
               Function<KubernetesClient, ObjectApplier> applierFactory) {
        this.paths = paths;
        this.runner = runner;
        this.minikube = minikube;
        this.clientFactory = clientFactory;
        this.applierFactory = applierFactory;
    }

    /** The lab on this machine: the PATH's tools, the current kubeconfig, server-side apply. */
    public static Lab onThisMachine() {
        CommandRunner runner = ProcessCommandRunner.system();
        return new Lab(LabPaths.locate(), runner, new MinikubeCli(runner), Lab::defaultClient, ServerSideApplier::new);
    }

    private static KubernetesClient defaultClient() {
        Config cfg = Config.autoConfigure(null);
        cfg.setConnectionTimeout(5_000);
        cfg.setRequestTimeout(15_000);
        return new KubernetesClientBuilder().withConfig(cfg).build();
    }

    public LabPaths paths() {
        return paths;
    }

    public Minikube minikube() {
        return minikube;
    }

    public synchronized KubernetesClient client() {
        if (client == null) {
            try {
                client = clientFactory.get();
            } catch (KubernetesClientException e) {
                throw new LabException("cannot read the kubeconfig: " + e.getMessage(), e);
            }
        }
        return client;
    }

    public PrerequisiteReport prerequisites(LabLog log) {
        return new Prerequisites(runner).check(log);
    }

    /** Tools, cluster state, kube context and the lab's pods; asks the cluster only when it runs. */
    public LabStatus status(LabLog log) {
        var rec = new RecordingLog(log);
        PrerequisiteReport pre = prerequisites(rec);
        MinikubeStatus cluster = null;
        KubeContextStatus ctx = null;
        var pods = new ArrayList<PodRow>();
        boolean sensor = false;
        if (pre.tool("minikube").map(t -> t.usable()).orElse(false)) {
            cluster = minikube.status(rec);
        }
        if (cluster != null && cluster.running()) {
            ctx = KubeContextCheck.check(client(), minikube.profile(), rec);
            // only the lab's own cluster: never list pods of whatever other cluster kubectl points at
            if (ctx.ok()) {
                var table = new PodTable(client());
                for (String ns : NAMESPACES) pods.addAll(table.list(ns, rec));
                sensor = client().apps().daemonSets().inNamespace(SensorDeployment.NAMESPACE)
                        .withName(SensorDeployment.DAEMONSET).get() != null;
            }
        }
        return new LabStatus(pre, cluster, ctx, pods, sensor, rec.equivalents());
    }

    /**
     * Starts (or restarts) the cluster, then applies the lab's application (secured-ns and prod) and
     * waits until it runs.
     */
    public List<AppliedObject> up(StartOptions options, Duration rolloutTimeout, LabLog log) {
        startCluster(options, log);
        return applyLabApps(rolloutTimeout, log);
    }

    /**
     * Starts (or resumes) the cluster with the driver the prerequisite check found, and checks that kubectl
     * now points at it.
     */
    public void startCluster(StartOptions options, LabLog log) {
        PrerequisiteReport pre = prerequisites(log);
        if (!pre.ready()) {
            throw new LabException("the lab cannot start yet:\n  " + String.join("\n  ", pre.problems()));
        }
        StartOptions opts = options.driver() == null
                ? new StartOptions(pre.driver().driver(), options.kubernetesVersion(), options.cpus(), options.memoryMb())
                : options;
        MinikubeStatus st = minikube.start(opts, log);
        if (!st.running()) throw new LabException("minikube start finished but " + st.message());
        KubeContextStatus ctx = KubeContextCheck.check(client(), minikube.profile(), log);
        if (!ctx.ok()) throw new LabException(ctx.message());
    }

    /**
     * Fails unless kubectl's current context is the lab's minikube profile and it answers: every action
     * (and every equivalent the app shows) goes to the current context, which must not be someone's real
     * cluster. A guard, not a lesson: its kubectl calls are not shown.
     */
    public void requireLabContext() {
        KubeContextStatus ctx = KubeContextCheck.check(client(), minikube.profile(), LabLog.SILENT);
        if (!ctx.ok()) throw new LabException(ctx.message());
    }

    /** Applies secured-ns.yaml and prod.yaml and waits for their workloads. */
    public List<AppliedObject> applyLabApps(Duration rolloutTimeout, LabLog log) {
        requireLabContext();
        var apply = new ManifestApply(applierFactory.apply(client()));
        var loader = new ManifestLoader();
        var applied = new ArrayList<AppliedObject>();
        var objects = new ArrayList<HasMetadata>();
        for (Path f : List.of(paths.securedNs(), paths.prod())) {
            applied.addAll(apply.apply(f, paths.display(f), log));
            objects.addAll(loader.load(f));
        }
        new Rollouts(client()).waitForAll(objects, rolloutTimeout, log);
        return applied;
    }

    /** Our sensor's deployment, once the lab's context is checked. */
    public SensorDeployment sensor() {
        requireLabContext();
        return new SensorDeployment(paths, minikube, new ManifestApply(applierFactory.apply(client())),
                new Rollouts(client()), client());
    }

    /** Runs a command in a pod, through the API (or through the kubectl binary when asked). */
    public ExecResult exec(ExecRequest request, boolean viaKubectl, LabLog log) {
        requireLabContext();
        PodExec exec = viaKubectl ? new KubectlPodExec(runner) : new Fabric8PodExec(client());
        return exec.exec(request, log);
    }

    public List<PodRow> pods(String namespace, LabLog log) {
        requireLabContext();
        return new PodTable(client()).list(namespace, log);
    }

    /** Stops the cluster, or deletes it for a fresh start. */
    public void down(boolean delete, LabLog log) {
        if (delete) minikube.delete(log);
        else minikube.stop(log);
    }

    /** Installs the real Falco with helm into the lab's cluster. */
    public void installFalco(FalcoHelm.Telegram telegram, LabLog log) {
        FalcoHelm helm = new FalcoHelm(runner, paths);
        helm.requireHelm();
        requireLabContext();
        helm.install(telegram, log);
    }

    /** Removes the real Falco from the lab's cluster. */
    public void uninstallFalco(LabLog log) {
        FalcoHelm helm = new FalcoHelm(runner, paths);
        helm.requireHelm();
        requireLabContext();
        helm.uninstall(log);
    }

    @Override
    public synchronized void close() {
        if (client != null) client.close();
    }
}
