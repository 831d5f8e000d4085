package dev.falconet.fields;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code container.*} fields, as the container plugin gives them. A thread outside any
 * container belongs to the "host" pseudo-container: id, full id, name and type are "host",
 * the image fields are empty and privileged is false.
 */
final class ContainerFields {
    private ContainerFields() {}

    static final String HOST = "host";

    static void register(FieldTable t) {
        t.inClass("container");
        t.add("container.id", FieldType.CHARBUF, "Short container id (12 hex characters); 'host' outside containers.",
                e -> c(e) == null ? HOST : c(e).id());
        t.add("container.full_id", FieldType.CHARBUF, "Full container id (64 hex characters); 'host' outside containers.",
                e -> c(e) == null ? HOST : c(e).fullId());
        t.add("container.name", FieldType.CHARBUF, "Container name; 'host' outside containers.", e -> c(e) == null ? HOST : c(e).name());
        t.add("container.image", FieldType.CHARBUF, "Container image as given at start (repository:tag or a digest reference).",
                str(ContainerInfo::image));
        t.add("container.image.id", FieldType.CHARBUF, "Container image id.", str(ContainerInfo::imageId));
        t.add("container.image.repository", FieldType.CHARBUF, "Image repository without tag or digest (e.g. docker.io/library/nginx).",
                str(ContainerInfo::imageRepository));
        t.add("container.image.tag", FieldType.CHARBUF, "Image tag (e.g. latest).", str(ContainerInfo::imageTag));
        t.add("container.image.digest", FieldType.CHARBUF, "Image registry digest (sha256:...).", str(ContainerInfo::imageDigest));
        t.add("container.type", FieldType.CHARBUF, "Container runtime: docker, podman, containerd, cri-o ...; 'host' outside containers.",
                e -> c(e) == null ? HOST : c(e).type());
        t.add("container.privileged", FieldType.BOOL, "True for containers started privileged.", e -> c(e) == null ? Boolean.FALSE : c(e).privileged());
        t.add("container.mounts", FieldType.CHARBUF, "Every mount as source:dest:mode:rdwr:propagation, separated by commas.", e -> {
            ContainerInfo c = c(e);
            if (c == null) return "";
            StringBuilder sb = new StringBuilder();
            for (ContainerInfo.Mount m : c.mounts()) {
                if (!sb.isEmpty()) sb.append(',');
                sb.append(mountText(m));
            }
            return sb.toString();
        });
        mount(t, "container.mount", "One mount as source:dest:mode:rdwr:propagation, by position (container.mount[0]) or by source path glob (container.mount[/usr/local/*]); 'none' when there is no such mount.",
                false, ContainerFields::mountText, "none");
        mount(t, "container.mount.source", "Source of a mount, by position or by destination path glob (container.mount.source[/host/lib/modules]).",
                true, ContainerInfo.Mount::source, null);
        mount(t, "container.mount.dest", "Destination of a mount, by position or by source path glob (container.mount.dest[/var/run/docker.sock]).",
                false, ContainerInfo.Mount::dest, null);
        mount(t, "container.mount.mode", "Mode of a mount, by position or by source path glob.", false, ContainerInfo.Mount::mode, null);
        mount(t, "container.mount.rdwr", "Whether a mount is read-write (true/false), by position or by source path glob.", false,
                m -> m.readWrite() ? "true" : "false", null);
        mount(t, "container.mount.propagation", "Propagation of a mount, by position or by source path glob.", false,
                ContainerInfo.Mount::propagation, null);
        t.add("container.start_ts", FieldType.ABSTIME, "Container start time, nanoseconds since the epoch.", e -> {
            ContainerInfo c = c(e);
            return c == null || c.startTs() <= 0 ? null : (Object) c.startTs();
        });
        t.add("container.duration", FieldType.RELTIME, "Nanoseconds since the container started.", e -> {
            ContainerInfo c = c(e);
            return c == null || c.startTs() <= 0 ? null : (Object) (e.ts() - c.startTs());
        });
        t.keyed("container.label", FieldType.CHARBUF, "Value of one container label: container.label[com.example.team].",
                key -> e -> c(e) == null ? null : c(e).labels().get(key));
        t.add("container.labels", FieldType.CHARBUF, "Container labels as key:value separated by ', ' (Kubernetes-internal labels left out).", e -> {
            ContainerInfo c = c(e);
            return c == null ? null : labelText(c.labels());
        });
        t.deprecated("container.info", FieldType.CHARBUF, "Deprecated output placeholder; expands to nothing.", e -> "");
    }

    static ContainerInfo c(Event e) {
        return e.thread().container();
    }

    private static FieldExtractor str(Function<ContainerInfo, String> f) {
        return e -> {
            ContainerInfo c = c(e);
            return c == null ? "" : f.apply(c);
        };
    }

    static String mountText(ContainerInfo.Mount m) {
        return m.source() + ":" + m.dest() + ":" + m.mode() + ":" + (m.readWrite() ? "true" : "false") + ":" + m.propagation();
    }

    /** A mount field selected by index, or by a glob on the source (on the destination for mount.source). */
    private static void mount(FieldTable t, String name, String desc, boolean byDest, Function<ContainerInfo.Mount, String> f,
                              String missing) {
        t.withArg(name, FieldType.CHARBUF, ArgKind.INDEX_OR_KEY, false, desc, (def, arg, ctx) -> {
            FieldExtractor ex;
            if (EventFields.isDigits(arg)) {
                int index = Integer.parseInt(arg);
                ex = e -> {
                    ContainerInfo c = c(e);
                    if (c == null) return null;
                    return index < c.mounts().size() ? f.apply(c.mounts().get(index)) : missing;
                };
            } else {
                ex = e -> {
                    ContainerInfo c = c(e);
                    if (c == null) return null;
                    for (ContainerInfo.Mount m : c.mounts()) {
                        if (Glob.matches(arg, byDest ? m.dest() : m.source())) return f.apply(m);
                    }
                    return missing;
                };
            }
            return BindResult.ok(new BoundField(def, arg, FieldType.CHARBUF, Multiplicity.SINGLE, ex));
        });
    }

    /** The container plugin's label text: sorted key:value pairs joined by ", ", internal Kubernetes labels left out. */
    static String labelText(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> l : new TreeMap<>(labels).entrySet()) {
            if (l.getKey().startsWith("annotation.") || l.getKey().startsWith("io.kubernetes.")) continue;
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(l.getKey());
            if (!l.getValue().isEmpty()) sb.append(':').append(l.getValue());
        }
        return sb.toString();
    }
}
