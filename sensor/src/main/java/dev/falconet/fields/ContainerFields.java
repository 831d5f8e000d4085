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
final class ContainerFields extends FieldFamily {
    private static final ContainerFields FAMILY = new ContainerFields();

    private ContainerFields() {}

    static final String HOST = "host";

    static void register(FieldTable t) {
        t.inClass("container", FAMILY);
        t.add("container.id", FieldType.CHARBUF, "Short container id (12 hex characters); 'host' outside containers.");
        t.add("container.full_id", FieldType.CHARBUF, "Full container id (64 hex characters); 'host' outside containers.");
        t.add("container.name", FieldType.CHARBUF, "Container name; 'host' outside containers.");
        t.add("container.image", FieldType.CHARBUF, "Container image as given at start (repository:tag or a digest reference).");
        t.add("container.image.id", FieldType.CHARBUF, "Container image id.");
        t.add("container.image.repository", FieldType.CHARBUF, "Image repository without tag or digest (e.g. docker.io/library/nginx).");
        t.add("container.image.tag", FieldType.CHARBUF, "Image tag (e.g. latest).");
        t.add("container.image.digest", FieldType.CHARBUF, "Image registry digest (sha256:...).");
        t.add("container.type", FieldType.CHARBUF, "Container runtime: docker, podman, containerd, cri-o ...; 'host' outside containers.");
        t.add("container.privileged", FieldType.BOOL, "True for containers started privileged.");
        t.add("container.mounts", FieldType.CHARBUF, "Every mount as source:dest:mode:rdwr:propagation, separated by commas.");
        mount(t, "container.mount",
                "One mount as source:dest:mode:rdwr:propagation, by position (container.mount[0]) or by source path glob (container.mount[/usr/local/*]); 'none' when there is no such mount.");
        mount(t, "container.mount.source",
                "Source of a mount, by position or by destination path glob (container.mount.source[/host/lib/modules]).");
        mount(t, "container.mount.dest",
                "Destination of a mount, by position or by source path glob (container.mount.dest[/var/run/docker.sock]).");
        mount(t, "container.mount.mode", "Mode of a mount, by position or by source path glob.");
        mount(t, "container.mount.rdwr",
                "Whether a mount is read-write (true/false), by position or by source path glob.");
        mount(t, "container.mount.propagation", "Propagation of a mount, by position or by source path glob.");
        t.add("container.start_ts", FieldType.ABSTIME, "Container start time, nanoseconds since the epoch.");
        t.add("container.duration", FieldType.RELTIME, "Nanoseconds since the container started.");
        t.withArg("container.label", FieldType.CHARBUF, ArgKind.KEY, false, "Value of one container label: container.label[com.example.team].");
        t.add("container.labels", FieldType.CHARBUF, "Container labels as key:value separated by ', ' (Kubernetes-internal labels left out).");
        t.deprecated("container.info", FieldType.CHARBUF, "Deprecated output placeholder; expands to nothing.");
    }

    @Override
    FieldExtractor extractor(String name) {
        return switch (name) {
            case "container.id" -> e -> c(e) == null ? HOST : c(e).id();
            case "container.full_id" -> e -> c(e) == null ? HOST : c(e).fullId();
            case "container.name" -> e -> c(e) == null ? HOST : c(e).name();
            case "container.image" -> str(ContainerInfo::image);
            case "container.image.id" -> str(ContainerInfo::imageId);
            case "container.image.repository" -> str(ContainerInfo::imageRepository);
            case "container.image.tag" -> str(ContainerInfo::imageTag);
            case "container.image.digest" -> str(ContainerInfo::imageDigest);
            case "container.type" -> e -> c(e) == null ? HOST : c(e).type();
            case "container.privileged" -> e -> c(e) == null ? Boolean.FALSE : c(e).privileged();
            case "container.mounts" -> e -> {
                ContainerInfo c = c(e);
                if (c == null) return "";
                StringBuilder sb = new StringBuilder();
                for (ContainerInfo.Mount m : c.mounts()) {
                    if (!sb.isEmpty()) sb.append(',');
                    sb.append(mountText(m));
                }
                return sb.toString();
            };
            case "container.start_ts" -> e -> {
                ContainerInfo c = c(e);
                return c == null || c.startTs() <= 0 ? null : (Object) c.startTs();
            };
            case "container.duration" -> e -> {
                ContainerInfo c = c(e);
                return c == null || c.startTs() <= 0 ? null : (Object) (e.ts() - c.startTs());
            };
            case "container.labels" -> e -> {
                ContainerInfo c = c(e);
                return c == null ? null : labelText(c.labels());
            };
            case "container.info" -> e -> "";
            default -> throw unknown(name);
        };
    }

    @Override
    public BindResult bind(FieldDef def, String arg, UseContext ctx) {
        return switch (def.name()) {
            case "container.mount" -> bindMount(def, arg, false, ContainerFields::mountText, "none");
            case "container.mount.source" -> bindMount(def, arg, true, ContainerInfo.Mount::source, null);
            case "container.mount.dest" -> bindMount(def, arg, false, ContainerInfo.Mount::dest, null);
            case "container.mount.mode" -> bindMount(def, arg, false, ContainerInfo.Mount::mode, null);
            case "container.mount.rdwr" -> bindMount(def, arg, false, m -> m.readWrite() ? "true" : "false", null);
            case "container.mount.propagation" -> bindMount(def, arg, false, ContainerInfo.Mount::propagation, null);
            case "container.label" -> FieldTable.bound(def, arg, e -> c(e) == null ? null : c(e).labels().get(arg));
            default -> throw unknown(def.name());
        };
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
    private static void mount(FieldTable t, String name, String desc) {
        t.withArg(name, FieldType.CHARBUF, ArgKind.INDEX_OR_KEY, false, desc);
    }

    private static BindResult bindMount(FieldDef def, String arg, boolean byDest, Function<ContainerInfo.Mount, String> f, String missing) {
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
        return FieldTable.bound(def, arg, ex);
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
