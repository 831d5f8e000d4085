package dev.falconet.capture;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.falconet.event.Arg;
import dev.falconet.event.ArgType;
import dev.falconet.event.ContainerInfo;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.K8sInfo;
import dev.falconet.event.ThreadInfo;
import dev.falconet.fields.EventTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes and reads the JSON of each capture record kind (see docs/capture-format.md). Keys are
 * written in a fixed order and defaults are left out, so a capture reads well and diffs well in git.
 */
final class RecordCodec {
    private RecordCodec() {}

    static final String KIND_THREAD = "thread";
    static final String KIND_CONTAINER = "container";
    static final String KIND_EVENT = "event";

    static final Set<String> HEADER_KEYS = Set.of("format", "version", "hostname", "created", "source");
    private static final Set<String> THREAD_KEYS = Set.of("kind", "tid", "pid", "ptid", "vtid", "vpid", "sid", "vpgid",
            "comm", "exe", "exepath", "args", "env", "cwd", "tty", "uid", "gid", "loginuid", "user", "group", "loginname",
            "cap_effective", "cap_permitted", "cap_inheritable", "exe_writable", "exe_upper_layer", "exe_lower_layer",
            "exe_from_memfd", "exe_ino", "exe_ino_ctime", "exe_ino_mtime", "clone_ts", "container");
    private static final Set<String> CONTAINER_KEYS = Set.of("kind", "id", "full_id", "type", "name", "image",
            "image_repository", "image_tag", "image_digest", "image_id", "privileged", "start_ts", "mounts", "labels", "k8s");
    private static final Set<String> MOUNT_KEYS = Set.of("source", "dest", "mode", "rw", "propagation");
    private static final Set<String> K8S_KEYS = Set.of("pod_name", "pod_uid", "ns_name", "pod_labels", "pod_ip", "ns_uid",
            "ns_labels", "deployment_name", "deployment_uid", "deployment_labels", "replicaset_name", "replicaset_uid",
            "replicaset_labels", "daemonset_name", "statefulset_name", "rc_name", "rc_uid", "rc_labels", "service_names",
            "service_uids", "service_labels", "node_name");
    private static final Set<String> EVENT_KEYS = Set.of("kind", "num", "ts", "time", "type", "tid", "cpu", "res", "args", "fd");
    private static final Set<String> FD_KEYS = Set.of("num", "type", "name", "name_raw", "flags", "l4proto", "cip", "cport",
            "sip", "sport", "role", "connected", "name_changed", "dev", "ino");

    // ---- writing ----

    static void writeHeader(JsonGenerator g, CaptureHeader h) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", CaptureHeader.FORMAT);
        g.writeNumberField("version", h.version());
        g.writeStringField("hostname", h.hostname());
        g.writeStringField("created", h.created());
        g.writeStringField("source", h.source());
        g.writeEndObject();
    }

    static void writeThread(JsonGenerator g, ThreadState t) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", KIND_THREAD);
        g.writeNumberField("tid", t.tid());
        g.writeNumberField("pid", t.pid());
        g.writeNumberField("ptid", t.ptid());
        optLong(g, "vtid", t.vtid(), -1);
        optLong(g, "vpid", t.vpid(), -1);
        optLong(g, "sid", t.sid(), -1);
        optLong(g, "vpgid", t.vpgid(), -1);
        g.writeStringField("comm", t.comm());
        g.writeStringField("exe", t.exe());
        g.writeStringField("exepath", t.exepath());
        strings(g, "args", t.args());
        if (!t.env().isEmpty()) strings(g, "env", t.env());
        g.writeStringField("cwd", t.cwd());
        optLong(g, "tty", t.tty(), 0);
        g.writeNumberField("uid", t.uid());
        g.writeNumberField("gid", t.gid());
        g.writeNumberField("loginuid", t.loginUid());
        optString(g, "user", t.userName());
        optString(g, "group", t.groupName());
        optString(g, "loginname", t.loginName());
        optHex(g, "cap_effective", t.capEffective());
        optHex(g, "cap_permitted", t.capPermitted());
        optHex(g, "cap_inheritable", t.capInheritable());
        optTrue(g, "exe_writable", t.exeWritable());
        optTrue(g, "exe_upper_layer", t.exeUpperLayer());
        optTrue(g, "exe_lower_layer", t.exeLowerLayer());
        optTrue(g, "exe_from_memfd", t.exeFromMemfd());
        optLong(g, "exe_ino", t.exeIno(), 0);
        optLong(g, "exe_ino_ctime", t.exeInoCtime(), 0);
        optLong(g, "exe_ino_mtime", t.exeInoMtime(), 0);
        optLong(g, "clone_ts", t.cloneTs(), 0);
        optString(g, "container", t.containerId());
        g.writeEndObject();
    }

    static void writeContainer(JsonGenerator g, ContainerInfo c) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", KIND_CONTAINER);
        g.writeStringField("id", c.id());
        if (!c.fullId().equals(c.id())) g.writeStringField("full_id", c.fullId());
        g.writeStringField("type", c.type());
        g.writeStringField("name", c.name());
        g.writeStringField("image", c.image());
        optNonEmpty(g, "image_repository", c.imageRepository());
        optNonEmpty(g, "image_tag", c.imageTag());
        optNonEmpty(g, "image_digest", c.imageDigest());
        optNonEmpty(g, "image_id", c.imageId());
        if (c.privileged() != null) g.writeBooleanField("privileged", c.privileged());
        optLong(g, "start_ts", c.startTs(), 0);
        if (!c.mounts().isEmpty()) {
            g.writeArrayFieldStart("mounts");
            for (ContainerInfo.Mount m : c.mounts()) {
                g.writeStartObject();
                g.writeStringField("source", m.source());
                g.writeStringField("dest", m.dest());
                g.writeStringField("mode", m.mode());
                g.writeBooleanField("rw", m.readWrite());
                g.writeStringField("propagation", m.propagation());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!c.labels().isEmpty()) map(g, "labels", c.labels());
        if (c.k8s() != null) writeK8s(g, c.k8s());
        g.writeEndObject();
    }

    private static void writeK8s(JsonGenerator g, K8sInfo k) throws IOException {
        g.writeObjectFieldStart("k8s");
        optString(g, "pod_name", k.podName());
        optString(g, "pod_uid", k.podUid());
        optString(g, "ns_name", k.nsName());
        if (!k.podLabels().isEmpty()) map(g, "pod_labels", k.podLabels());
        optString(g, "pod_ip", k.podIp());
        optString(g, "ns_uid", k.nsUid());
        if (!k.nsLabels().isEmpty()) map(g, "ns_labels", k.nsLabels());
        optString(g, "deployment_name", k.deploymentName());
        optString(g, "deployment_uid", k.deploymentUid());
        if (!k.deploymentLabels().isEmpty()) map(g, "deployment_labels", k.deploymentLabels());
        optString(g, "replicaset_name", k.replicaSetName());
        optString(g, "replicaset_uid", k.replicaSetUid());
        if (!k.replicaSetLabels().isEmpty()) map(g, "replicaset_labels", k.replicaSetLabels());
        optString(g, "daemonset_name", k.daemonSetName());
        optString(g, "statefulset_name", k.statefulSetName());
        optString(g, "rc_name", k.rcName());
        optString(g, "rc_uid", k.rcUid());
        if (!k.rcLabels().isEmpty()) map(g, "rc_labels", k.rcLabels());
        if (!k.serviceNames().isEmpty()) strings(g, "service_names", k.serviceNames());
        if (!k.serviceUids().isEmpty()) strings(g, "service_uids", k.serviceUids());
        if (!k.serviceLabels().isEmpty()) {
            g.writeArrayFieldStart("service_labels");
            for (Map<String, String> labels : k.serviceLabels()) {
                g.writeStartObject();
                for (var e : new java.util.TreeMap<>(labels).entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        optString(g, "node_name", k.nodeName());
        g.writeEndObject();
    }

    static void writeEvent(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", KIND_EVENT);
        g.writeNumberField("num", e.num());
        g.writeNumberField("ts", e.ts());
        g.writeStringField("time", EventTime.iso8601(e.ts()));
        g.writeStringField("type", e.typeName());
        g.writeNumberField("tid", e.thread().tid());
        if (e.cpu() >= 0) g.writeNumberField("cpu", e.cpu());
        g.writeNumberField("res", e.res());
        g.writeArrayFieldStart("args");
        for (Arg a : e.args()) writeArg(g, a);
        g.writeEndArray();
        if (e.fd() != null) writeFd(g, e.fd());
        g.writeEndObject();
    }

    private static void writeArg(JsonGenerator g, Arg a) throws IOException {
        g.writeStartArray();
        g.writeString(a.name());
        g.writeString(a.type().name());
        Object raw = a.raw();
        if (raw == null) g.writeNull();
        else if (raw instanceof Long l) g.writeNumber(l);
        else if (raw instanceof byte[] b) g.writeString(new String(b, StandardCharsets.ISO_8859_1));
        else g.writeString(raw.toString());
        if (raw == null || !a.rendered().equals(defaultRendering(a.type(), raw))) g.writeString(a.rendered());
        g.writeEndArray();
    }

    private static void writeFd(JsonGenerator g, FdInfo f) throws IOException {
        g.writeObjectFieldStart("fd");
        g.writeNumberField("num", f.num());
        g.writeStringField("type", f.type().name());
        g.writeStringField("name", f.name());
        if (!f.nameRaw().equals(f.name())) g.writeStringField("name_raw", f.nameRaw());
        optLong(g, "flags", f.openFlags(), 0);
        optString(g, "l4proto", f.l4proto());
        optString(g, "cip", f.clientIp());
        optLong(g, "cport", f.clientPort(), -1);
        optString(g, "sip", f.serverIp());
        optLong(g, "sport", f.serverPort(), -1);
        if (f.role() != FdInfo.SocketRole.NONE) g.writeStringField("role", f.role().name().toLowerCase(Locale.ROOT));
        optTrue(g, "connected", f.connected());
        optTrue(g, "name_changed", f.nameChanged());
        optLong(g, "dev", f.dev(), 0);
        optLong(g, "ino", f.ino(), 0);
        g.writeEndObject();
    }

    /** What {@code rendered} is when a capture leaves it out: the raw value as text. */
    static String defaultRendering(ArgType type, Object raw) {
        if (raw instanceof byte[] b) return Arg.bytes("x", b).rendered();
        return raw.toString();
    }

    private static void optLong(JsonGenerator g, String k, long v, long dflt) throws IOException {
        if (v != dflt) g.writeNumberField(k, v);
    }

    private static void optHex(JsonGenerator g, String k, long v) throws IOException {
        if (v != 0) g.writeStringField(k, "0x" + Long.toHexString(v));
    }

    private static void optString(JsonGenerator g, String k, String v) throws IOException {
        if (v != null) g.writeStringField(k, v);
    }

    private static void optNonEmpty(JsonGenerator g, String k, String v) throws IOException {
        if (v != null && !v.isEmpty()) g.writeStringField(k, v);
    }

    private static void optTrue(JsonGenerator g, String k, boolean v) throws IOException {
        if (v) g.writeBooleanField(k, true);
    }

    private static void strings(JsonGenerator g, String k, List<String> values) throws IOException {
        g.writeArrayFieldStart(k);
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }

    private static void map(JsonGenerator g, String k, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(k);
        for (var e : new java.util.TreeMap<>(m).entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    // ---- reading ----

    static ThreadState readThread(JsonObject o) {
        o.onlyKeys(THREAD_KEYS);
        long tid = o.lng("tid");
        return new ThreadState(tid, o.lng("pid", tid), o.lng("ptid", -1), o.lng("vtid", -1), o.lng("vpid", -1),
                o.lng("sid", -1), o.lng("vpgid", -1), o.str("comm", ""), o.str("exe", ""), o.str("exepath", ""),
                List.copyOf(o.strList("args")), List.copyOf(o.strList("env")), o.str("cwd", ""), o.lng("tty", 0),
                o.lng("uid", -1), o.lng("gid", -1), o.lng("loginuid", -1), o.str("user", null), o.str("group", null),
                o.str("loginname", null), o.hex("cap_effective", 0), o.hex("cap_permitted", 0), o.hex("cap_inheritable", 0),
                o.bool("exe_writable", false), o.bool("exe_upper_layer", false), o.bool("exe_lower_layer", false),
                o.bool("exe_from_memfd", false), o.lng("exe_ino", 0), o.lng("exe_ino_ctime", 0), o.lng("exe_ino_mtime", 0),
                o.lng("clone_ts", 0), o.str("container", null));
    }

    static ContainerInfo readContainer(JsonObject o) {
        o.onlyKeys(CONTAINER_KEYS);
        List<ContainerInfo.Mount> mounts = new ArrayList<>();
        JsonNode ms = o.raw("mounts");
        if (ms != null && !ms.isNull()) {
            if (!ms.isArray()) throw o.fail("'mounts' in container record must be an array");
            for (JsonNode m : ms) {
                JsonObject mo = new JsonObject(m, o.where(), "a mount of the container record");
                mo.onlyKeys(MOUNT_KEYS);
                mounts.add(new ContainerInfo.Mount(mo.str("source", ""), mo.str("dest"), mo.str("mode", ""),
                        mo.bool("rw", false), mo.str("propagation", "")));
            }
        }
        K8sInfo k8s = o.has("k8s") ? readK8s(o.obj("k8s")) : null;
        String id = o.str("id");
        return new ContainerInfo(id, o.str("full_id", id), o.str("type", ""), o.str("name", ""), o.str("image", ""),
                o.str("image_repository", ""), o.str("image_tag", ""), o.str("image_digest", ""), o.str("image_id", ""),
                o.boolOrNull("privileged"), o.lng("start_ts", 0), mounts, o.strMap("labels"), k8s);
    }

    private static K8sInfo readK8s(JsonObject o) {
        o.onlyKeys(K8S_KEYS);
        List<Map<String, String>> svcLabels = new ArrayList<>();
        JsonNode sl = o.raw("service_labels");
        if (sl != null && !sl.isNull()) {
            if (!sl.isArray()) throw o.fail("'service_labels' in k8s must be an array of objects");
            for (JsonNode m : sl) svcLabels.add(o.strMap(m, "an item of 'service_labels'"));
        }
        return new K8sInfo(o.str("pod_name", null), o.str("pod_uid", null), o.str("ns_name", null), o.strMap("pod_labels"),
                o.str("pod_ip", null), o.str("ns_uid", null), o.strMap("ns_labels"), o.str("deployment_name", null),
                o.str("deployment_uid", null), o.str("replicaset_name", null), o.str("replicaset_uid", null),
                o.str("daemonset_name", null), o.str("statefulset_name", null), o.strList("service_names"),
                o.str("node_name", null), o.strMap("deployment_labels"), o.strMap("replicaset_labels"),
                o.str("rc_name", null), o.str("rc_uid", null), o.strMap("rc_labels"), o.strList("service_uids"), svcLabels);
    }

    /** The parts of an event record; the reader attaches the thread. */
    record EventParts(long num, long ts, int type, long tid, int cpu, long res, List<Arg> args, FdInfo fd) {}

    static EventParts readEvent(JsonObject o) {
        o.onlyKeys(EVENT_KEYS);
        String typeName = o.str("type");
        int type = EventTypes.id(typeName);
        if (type < 0) throw o.fail("unknown event type '" + typeName + "'");
        long ts;
        if (o.has("ts")) {
            ts = o.lng("ts");
            if (o.has("time") && !o.str("time").equals(EventTime.iso8601(ts))) {
                throw o.fail("'time' " + o.str("time") + " does not match 'ts' " + ts + " (" + EventTime.iso8601(ts)
                        + "); fix one of them or drop 'time'");
            }
        } else {
            String time = o.str("time");
            try {
                ts = EventTime.parseIso8601(time);
            } catch (RuntimeException ex) {
                throw o.fail("'time' is not an ISO 8601 instant: " + time);
            }
        }
        long num = o.lng("num");
        if (num < 1) throw o.fail("'num' must be 1 or more (evt.num starts at 1)");
        long cpu = o.lng("cpu", -1);
        List<Arg> args = new ArrayList<>();
        JsonNode as = o.raw("args");
        if (as != null && !as.isNull()) {
            if (!as.isArray()) throw o.fail("'args' must be an array of [name, type, raw] or [name, type, raw, rendered]");
            int i = 0;
            for (JsonNode a : as) args.add(readArg(o, a, i++));
        }
        FdInfo fd = o.has("fd") ? readFd(o.obj("fd")) : null;
        return new EventParts(num, ts, type, o.lng("tid"), (int) cpu, o.lng("res", 0), args, fd);
    }

    private static Arg readArg(JsonObject o, JsonNode a, int index) {
        String label = "argument " + index;
        if (!a.isArray() || a.size() < 3 || a.size() > 4) {
            throw o.fail(label + " must be [name, type, raw] or [name, type, raw, rendered]");
        }
        if (!a.get(0).isTextual()) throw o.fail(label + ": the name must be a string");
        if (!a.get(1).isTextual()) throw o.fail(label + ": the type must be a string");
        String name = a.get(0).textValue();
        ArgType type;
        try {
            type = ArgType.valueOf(a.get(1).textValue());
        } catch (IllegalArgumentException ex) {
            throw o.fail(label + " ('" + name + "'): unknown type '" + a.get(1).textValue() + "' (one of "
                    + java.util.Arrays.toString(ArgType.values()) + ")");
        }
        JsonNode r = a.get(2);
        Object raw;
        if (r.isNull()) raw = null;
        else if (r.isIntegralNumber() && r.canConvertToLong()) raw = r.longValue();
        else if (r.isTextual()) raw = type == ArgType.BYTEBUF ? r.textValue().getBytes(StandardCharsets.ISO_8859_1) : r.textValue();
        else throw o.fail(label + " ('" + name + "'): the raw value must be an integer, a string or null");
        String rendered;
        if (a.size() == 4) {
            if (!a.get(3).isTextual()) throw o.fail(label + " ('" + name + "'): the rendered value must be a string");
            rendered = a.get(3).textValue();
        } else if (raw == null) {
            throw o.fail(label + " ('" + name + "'): a null raw value needs the rendered text as fourth element");
        } else {
            rendered = defaultRendering(type, raw);
        }
        return new Arg(name, type, raw, rendered);
    }

    private static FdInfo readFd(JsonObject o) {
        o.onlyKeys(FD_KEYS);
        String typeName = o.str("type");
        FdType type;
        try {
            type = FdType.valueOf(typeName);
        } catch (IllegalArgumentException ex) {
            throw o.fail("unknown fd type '" + typeName + "' (one of " + java.util.Arrays.toString(FdType.values()) + ")");
        }
        String roleName = o.str("role", "none");
        FdInfo.SocketRole role;
        try {
            role = FdInfo.SocketRole.valueOf(roleName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw o.fail("fd role must be client, server or none, not '" + roleName + "'");
        }
        String name = o.str("name");
        return new FdInfo(o.lng("num"), type, name, o.str("name_raw", name), o.lng("flags", 0), o.str("l4proto", null),
                o.str("cip", null), (int) o.lng("cport", -1), o.str("sip", null), (int) o.lng("sport", -1), role,
                o.bool("connected", false), o.bool("name_changed", false), o.lng("dev", 0), o.lng("ino", 0));
    }

    /**
     * The threads an event's fields may read, eldest ancestor first: every ancestor (main threads
     * and the parent threads linking them), the thread's main thread and the thread itself.
     */
    static List<ThreadInfo> chain(ThreadInfo t) {
        java.util.LinkedHashSet<ThreadInfo> seen = new java.util.LinkedHashSet<>();
        seen.add(t);
        ThreadInfo cur = t.mainThread();
        for (int i = 0; i < 256 && cur != null; i++) {
            seen.add(cur);
            ThreadInfo p = cur.parent();
            if (p == null || seen.contains(p)) break;
            seen.add(p);
            ThreadInfo pm = p.mainThread();
            if (pm != p && seen.contains(pm)) break;
            cur = pm;
        }
        List<ThreadInfo> out = new ArrayList<>(seen);
        java.util.Collections.reverse(out);
        return out;
    }
}
