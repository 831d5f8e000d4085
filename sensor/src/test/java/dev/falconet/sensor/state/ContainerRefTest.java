package dev.falconet.sensor.state;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerRefTest {
    private static final String ID = "0123456789abcdef".repeat(4);
    private static final String ID2 = "fedcba9876543210".repeat(4);

    @Test
    void recognizesEachRuntimeLayout() {
        assertThat(ContainerRef.fromCgroup("/libpod_parent/libpod-" + ID)).contains(new ContainerRef("podman", ID));
        assertThat(ContainerRef.fromCgroup("/machine.slice/libpod-" + ID + ".scope/container")).contains(new ContainerRef("podman", ID));
        assertThat(ContainerRef.fromCgroup("/system.slice/docker-" + ID + ".scope")).contains(new ContainerRef("docker", ID));
        assertThat(ContainerRef.fromCgroup("/docker/" + ID)).contains(new ContainerRef("docker", ID));
        assertThat(ContainerRef.fromCgroup("/kubepods.slice/kubepods-burstable.slice/cri-containerd-" + ID + ".scope"))
                .contains(new ContainerRef("containerd", ID));
        assertThat(ContainerRef.fromCgroup("/kubepods.slice/kubepods-pod1.slice/crio-" + ID + ".scope")).contains(new ContainerRef("cri-o", ID));
        assertThat(ContainerRef.fromCgroup("/kubepods/besteffort/pod123/" + ID)).contains(new ContainerRef("containerd", ID));
    }

    @Test
    void minikubeNestedDockerTakesTheInnermostContainer() {
        assertThat(ContainerRef.fromCgroup("/docker/" + ID + "/kubepods/besteffort/pod1/" + ID2))
                .contains(new ContainerRef("docker", ID2));
    }

    @Test
    void hostAndConmonAreNotContainers() {
        assertThat(ContainerRef.fromCgroup("/")).isEmpty();
        assertThat(ContainerRef.fromCgroup("/user.slice/user-0.slice/session-1.scope")).isEmpty();
        assertThat(ContainerRef.fromCgroup("/libpod_parent/libpod-conmon-" + ID)).isEmpty();
        assertThat(ContainerRef.fromCgroups(List.of("/", "/libpod_parent/libpod-" + ID)).map(ContainerRef::shortId))
                .contains(ID.substring(0, 12));
    }
}
