package dev.falconet.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container as the container plugin describes it ({@code container.*} fields), with the
 * Kubernetes metadata of its pod when known.
 *
 * @param id              short id (12 hex characters), as {@code container.id} prints it
 * @param fullId          the full 64-character id
 * @param type            runtime: docker, podman, containerd, cri-o
 * @param name            container name
 * @param image           image as given ({@code repo:tag} or a digest reference)
 * @param imageRepository image without tag/digest
 * @param imageTag        tag, or "" when none
 * @param imageDigest     digest, or "" when none
 * @param imageId         image id
 * @param privileged      started with --privileged; null when unknown
 * @param startTs         start time in epoch nanoseconds; 0 when unknown
 * @param mounts          the container's mounts
 * @param labels          runtime labels
 * @param k8s             pod metadata, or null when not a Kubernetes pod / not known yet
 */
public record ContainerInfo(String id, String fullId, String type, String name, String image,
                            String imageRepository, String imageTag, String imageDigest, String imageId,
                            Boolean privileged, long startTs, List<Mount> mounts,
                            Map<String, String> labels, K8sInfo k8s) {

    /** One mount: source on the host, destination in the container, mode flags as the runtime reports them. */
    public record Mount(String source, String dest, String mode, boolean readWrite, String propagation) {}

    public ContainerInfo {
        Objects.requireNonNull(id, "id");
        fullId = fullId == null ? id : fullId;
        type = type == null ? "" : type;
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        imageRepository = imageRepository == null ? "" : imageRepository;
        imageTag = imageTag == null ? "" : imageTag;
        imageDigest = imageDigest == null ? "" : imageDigest;
        imageId = imageId == null ? "" : imageId;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public ContainerInfo withK8s(K8sInfo newK8s) {
        return new ContainerInfo(id, fullId, type, name, image, imageRepository, imageTag, imageDigest, imageId,
                privileged, startTs, mounts, labels, newK8s);
    }
}
