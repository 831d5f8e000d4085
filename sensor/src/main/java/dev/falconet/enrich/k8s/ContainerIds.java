package dev.falconet.enrich.k8s;

import java.util.List;
import java.util.Locale;

/**
 * Container ids as the kubelet reports them in pod status ({@code containerd://<64 hex>},
 * {@code docker://...}, {@code cri-o://...}) and as the sensor sees them (full 64 hex, or the 12-char
 * short form Falco prints).
 */
public final class ContainerIds {
    public static final int SHORT = 12;

    private ContainerIds() {}

    /** The bare id of a status {@code containerID}: the runtime prefix removed, lower case; null stays null. */
    public static String bare(String statusId) {
        if (statusId == null || statusId.isBlank()) return null;
        int sep = statusId.indexOf("://");
        return (sep >= 0 ? statusId.substring(sep + 3) : statusId).strip().toLowerCase(Locale.ROOT);
    }

    /** The keys a container is indexed under: its full id and its short id. */
    public static List<String> keys(String statusId) {
        String id = bare(statusId);
        if (id == null || id.isEmpty()) return List.of();
        return id.length() > SHORT ? List.of(id, id.substring(0, SHORT)) : List.of(id);
    }
}
