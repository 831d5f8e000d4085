package dev.falconet.lab.exec;

import dev.falconet.lab.LabException;
import dev.falconet.lab.LabLog;
import dev.falconet.lab.kube.ApiErrors;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link PodExec} over the API server's exec subresource (what {@code kubectl exec} uses). */
public final class Fabric8PodExec implements PodExec {
    private final KubernetesClient client;

    public Fabric8PodExec(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public ExecResult exec(ExecRequest req, LabLog log) {
        Pod pod = PodTargets.resolve(client, req.namespace(), req.target());
        String name = pod.getMetadata().getName();
        log.equivalent(req.kubectlEquivalent(name));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PodResource pr = client.pods().inNamespace(req.namespace()).withName(name);
        var base = req.container() == null ? pr : pr.inContainer(req.container());
        try {
            var streams = base.writingOutput(out);
            ExecWatch w = req.tty() ? streams.withTTY().exec(req.command().toArray(String[]::new))
                    : streams.writingError(err).exec(req.command().toArray(String[]::new));
            try (w) {
                Integer code = w.exitCode().get(req.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (code == null) {
                    String so = text(out).strip();
                    throw new LabException("exec in pod " + req.namespace() + "/" + name + " ended without an exit status "
                            + "(the connection closed)" + (so.isEmpty() ? "" : "; output so far: " + so));
                }
                return new ExecResult(name, code, text(out), text(err), false);
            } catch (TimeoutException e) {
                return new ExecResult(name, -1, text(out), text(err), true);
            } catch (ExecutionException e) {
                throw new LabException("exec in pod " + req.namespace() + "/" + name + " failed: " + e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while running a command in pod " + name, e);
            }
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("exec in pod " + req.namespace() + "/" + name, e), e);
        }
    }

    @Override
    public void copyInto(String namespace, String target, String container, Path local, String remotePath, LabLog log) {
        if (!Files.isRegularFile(local)) throw new LabException("cannot copy " + local + ": no such file");
        Pod pod = PodTargets.resolve(client, namespace, target);
        String name = pod.getMetadata().getName();
        log.equivalent("kubectl cp " + local + " " + namespace + "/" + name + ":" + remotePath
                + (container == null ? "" : " -c " + container));
        PodResource pr = client.pods().inNamespace(namespace).withName(name);
        var base = container == null ? pr : pr.inContainer(container);
        try {
            if (!base.file(remotePath).upload(local)) {
                throw new LabException("copying " + local + " into pod " + namespace + "/" + name + ":" + remotePath
                        + " failed (the container needs 'sh' and 'base64' or 'tar')");
            }
        } catch (KubernetesClientException e) {
            throw new LabException(ApiErrors.describe("copying into pod " + namespace + "/" + name, e), e);
        }
    }

    private static String text(ByteArrayOutputStream b) {
        synchronized (b) {
            return b.toString(StandardCharsets.UTF_8);
        }
    }
}
