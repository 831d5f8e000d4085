package dev.falconet.lab.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.falconet.lab.LabPaths;
import dev.falconet.lab.TestPaths;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lab's manifests parse and hold what the lab relies on. */
class LabManifestsTest {
    private final LabPaths paths = TestPaths.lab();
    private final ManifestLoader loader = new ManifestLoader();

    private static <T> T one(List<HasMetadata> objs, Class<T> type, String name) {
        return objs.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> ((HasMetadata) o).getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @Test
    void securedNsHoldsTheSeedApplication() {
        List<HasMetadata> objs = loader.load(paths.securedNs());
        assertThat(objs).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "Namespace/secured-ns", "Deployment/ubuntu-deployment", "Pod/foo-app", "Deployment/nginx-deployment",
                "Service/foo-service", "Pod/bar-app", "Service/bar-service", "Ingress/example-ingress");
        assertThat(objs.stream().filter(o -> !(o instanceof Namespace)))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("secured-ns"));

        Deployment ubuntu = one(objs, Deployment.class, "ubuntu-deployment");
        var c = ubuntu.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo("ubuntu");
        assertThat(c.getCommand()).containsExactly("sleep", "infinity");
        assertThat(ubuntu.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", "ubuntu");

        assertThat(one(objs, Pod.class, "foo-app").getSpec().getContainers().getFirst().getImage()).isEqualTo("kicbase/echo-server:1.0");
        assertThat(one(objs, Pod.class, "foo-app").getMetadata().getLabels()).isEqualTo(Map.of("app", "foo"));
        assertThat(one(objs, Pod.class, "bar-app").getMetadata().getLabels()).isEqualTo(Map.of("app", "bar"));
        assertThat(one(objs, Deployment.class, "nginx-deployment").getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getImage()).isEqualTo("nginx:1.14.2");

        Service foo = one(objs, Service.class, "foo-service");
        assertThat(foo.getSpec().getSelector()).isEqualTo(Map.of("app", "foo"));
        assertThat(foo.getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);
        assertThat(one(objs, Service.class, "bar-service").getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);

        Ingress ing = one(objs, Ingress.class, "example-ingress");
        Map<String, String> routes = ing.getSpec().getRules().getFirst().getHttp().getPaths().stream()
                .collect(Collectors.toMap(p -> p.getPath(), p -> p.getBackend().getService().getName()));
        assertThat(routes).isEqualTo(Map.of("/foo", "foo-service", "/bar", "bar-service"));
    }

    @Test
    void prodHoldsTheUbuntuDeployment() {
        List<HasMetadata> objs = loader.load(paths.prod());
        assertThat(objs).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("Namespace/prod", "Deployment/ubuntu-deployment");
        assertThat(one(objs, Deployment.class, "ubuntu-deployment").getMetadata().getNamespace()).isEqualTo("prod");
    }

    @Test
    void sensorDaemonSetIsPrivilegedWithHostPidAndTheEbpfMounts() {
        List<HasMetadata> objs = loader.load(paths.sensorDir().resolve("daemonset.yaml"));
        DaemonSet ds = one(objs, DaemonSet.class, "falconet-sensor");
        var pod = ds.getSpec().getTemplate().getSpec();
        var c = pod.getContainers().getFirst();
        assertThat(pod.getHostPID()).isTrue();
        assertThat(pod.getServiceAccountName()).isEqualTo("falconet-sensor");
        assertThat(c.getSecurityContext().getPrivileged()).isTrue();
        assertThat(c.getImage()).isEqualTo("falconet-sensor:dev");
        assertThat(c.getImagePullPolicy()).isEqualTo("Never");
        assertThat(c.getArgs()).containsExactly("sensor", "--rules=/etc/falconet/rules/falconet_rules.yaml",
                "--rules=/etc/falconet/rules/examples/prod-only.yaml", "--k8smeta", "--json");
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("FALCONET_NODE_NAME");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
        });

        Map<String, String> hostPathOf = pod.getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, v -> v.getHostPath().getPath()));
        Map<String, String> mounted = c.getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, m -> hostPathOf.get(m.getName())));
        assertThat(mounted).containsEntry("/sys/kernel/debug", "/sys/kernel/debug")
                .containsEntry("/sys/kernel/tracing", "/sys/kernel/tracing")
                .containsEntry("/sys/fs/bpf", "/sys/fs/bpf")
                .containsEntry("/host/proc", "/proc")
                .containsEntry("/lib/modules", "/lib/modules");
        assertThat(c.getVolumeMounts()).filteredOn(m -> m.getMountPath().startsWith("/host/"))
                .allSatisfy(m -> assertThat(m.getReadOnly()).isTrue());
    }

    @Test
    void sensorRbacOnlyReadsPodsNamespacesAndNodes() {
        List<HasMetadata> objs = loader.load(paths.sensorDir().resolve("rbac.yaml"));
        assertThat(one(objs, ServiceAccount.class, "falconet-sensor").getMetadata().getNamespace()).isEqualTo("falconet");
        ClusterRole role = one(objs, ClusterRole.class, "falconet-sensor");
        assertThat(role.getRules()).allSatisfy(r -> assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch"));
        assertThat(role.getRules().stream().flatMap(r -> r.getResources().stream()))
                .contains("pods", "namespaces", "nodes", "replicasets", "deployments", "services");
        ClusterRoleBinding b = one(objs, ClusterRoleBinding.class, "falconet-sensor");
        assertThat(b.getRoleRef().getName()).isEqualTo("falconet-sensor");
        assertThat(b.getSubjects().getFirst().getName()).isEqualTo("falconet-sensor");
        assertThat(b.getSubjects().getFirst().getNamespace()).isEqualTo("falconet");
    }

    @Test
    void sensorDockerfileIsAJava25JreWithLibbpfRunningTheSensorCli() throws Exception {
        String df = Files.readString(paths.sensorDir().resolve("Dockerfile"));
        assertThat(df).containsPattern("(?m)^FROM \\S*temurin:25-jre");
        assertThat(df).contains("libbpf1").contains("dev.falconet.cli.FalconetCli")
                .contains("COPY sensor/target/lib/").contains("sensor/target/falconet-sensor-")
                .contains("COPY rules/ /etc/falconet/rules/");
        // the files the DaemonSet's --rules name are in the build context
        assertThat(paths.root().resolve("rules/falconet_rules.yaml")).isRegularFile();
        assertThat(paths.root().resolve("rules/examples/prod-only.yaml")).isRegularFile();
    }

    @Test
    void falcoValuesEnableSidekickTelegramPlaceholdersAndTheMetacollector() throws Exception {
        JsonNode v = new ObjectMapper(new YAMLFactory()).readTree(paths.falcoValues().toFile());
        assertThat(v.at("/collectors/kubernetes/enabled").asBoolean()).isTrue();
        assertThat(v.at("/falcosidekick/enabled").asBoolean()).isTrue();
        assertThat(v.at("/falcosidekick/config/telegram").has("token")).isTrue();
        assertThat(v.at("/falcosidekick/config/telegram").has("chatid")).isTrue();
        assertThat(v.at("/falco/json_output").asBoolean()).isTrue();
        assertThat(v.at("/driver/kind").asText()).isEqualTo("modern_ebpf");
        String rules = v.at("/customRules").elements().next().asText();
        assertThat(rules).contains("k8smeta.ns.name = \"prod\"");
    }
}
