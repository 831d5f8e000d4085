package dev.falconet.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.ast.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldRegistryTest {
    private final FieldRegistry registry = FieldRegistry.standard();

    record Token(String name, String arg, String text, String type) {}

    /** The 109 field tokens of the upstream rule files, split into name and argument as the parser gives them. */
    static List<Token> upstreamTokens() throws IOException {
        List<Token> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FieldRegistryTest.class.getResourceAsStream("upstream-field-tokens.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] parts = line.split("\t");
                String text = parts[0];
                int bracket = text.indexOf('[');
                String name = bracket < 0 ? text : text.substring(0, bracket);
                String arg = bracket < 0 ? null : text.substring(bracket + 1, text.length() - 1);
                out.add(new Token(name, arg, text, parts[1]));
            }
        }
        return out;
    }

    @Test
    void everyUpstreamFieldTokenBindsWithFalcosType() throws IOException {
        List<Token> tokens = upstreamTokens();
        assertThat(tokens).hasSize(109);
        for (Token t : tokens) {
            BindResult r = registry.bind(t.name(), t.arg(), UseContext.CONDITION);
            assertThat(r.error()).as(t.text()).isNull();
            assertThat(r.field().type().name()).as("type of " + t.text()).isEqualTo(t.type());
        }
    }

    @Test
    void upstreamOutputFieldsBindInOutputs() throws IOException {
        Set<String> filterOnly = Set.of("fd.ip", "fd.net", "fd.port");
        for (Token t : upstreamTokens()) {
            BindResult r = registry.bind(t.name(), t.arg(), UseContext.OUTPUT);
            if (filterOnly.contains(t.name())) {
                assertThat(r.error()).as(t.text()).contains("only be used in conditions");
            } else {
                assertThat(r.error()).as(t.text()).isNull();
            }
        }
    }

    @Test
    void unknownFieldGivesFalcosMessage() {
        BindResult r = registry.bind("proc.nme", null, UseContext.CONDITION);
        assertThat(r.isOk()).isFalse();
        assertThat(r.error()).isEqualTo("filter_check called with nonexistent field proc.nme");
        assertThat(registry.suggest("proc.nme")).first().isEqualTo("proc.name");
        assertThat(registry.suggest("fd.nmae")).contains("fd.name");
        assertThat(registry.suggest("container.imge.repository")).containsExactly("container.image.repository");
        assertThat(registry.suggest("zzzz.qqqq")).isEmpty();
    }

    @Test
    void argumentsAreChecked() {
        assertThat(registry.bind("proc.name", "1", UseContext.CONDITION).error()).contains("does not take an argument");
        assertThat(registry.bind("proc.aname", "x", UseContext.CONDITION).error()).contains("invalid index 'x'");
        assertThat(registry.bind("k8smeta.pod.label", null, UseContext.CONDITION).error())
                .isEqualTo("field k8smeta.pod.label requires an argument, e.g. k8smeta.pod.label[name]");
        assertThat(registry.bind("evt.arg", null, UseContext.CONDITION).error()).contains("requires an argument");
        assertThat(registry.bind("evt.arg.flags", null, UseContext.CONDITION).field().arg()).isEqualTo("flags");
        assertThat(registry.bind("evt.arg", "0", UseContext.CONDITION).field().displayName()).isEqualTo("evt.arg[0]");
        assertThat(registry.bind("evt.arg.flags", null, UseContext.OUTPUT).field().displayName()).isEqualTo("evt.arg.flags");
        assertThat(registry.bind("k8s.pod.label.app", null, UseContext.CONDITION).field().displayName()).isEqualTo("k8s.pod.label[app]");
        assertThat(registry.bind("proc.aname", "2", UseContext.OUTPUT).field().displayName()).isEqualTo("proc.aname[2]");
        assertThat(registry.bind("fd.ip", null, UseContext.OUTPUT).error()).contains("only be used in conditions");
    }

    @Test
    void multiplicityFollowsTheUse() {
        assertThat(registry.bind("proc.aname", null, UseContext.CONDITION).field().multiplicity()).isEqualTo(Multiplicity.ANY_ANCESTOR);
        assertThat(registry.bind("proc.aname", null, UseContext.OUTPUT).field().multiplicity()).isEqualTo(Multiplicity.SINGLE);
        assertThat(registry.bind("proc.aname", "2", UseContext.CONDITION).field().multiplicity()).isEqualTo(Multiplicity.SINGLE);
        assertThat(registry.bind("k8smeta.pod.labels", null, UseContext.CONDITION).field().multiplicity()).isEqualTo(Multiplicity.LIST);
        assertThat(registry.bind("fd.net", null, UseContext.CONDITION).field().multiplicity()).isEqualTo(Multiplicity.EITHER_ENDPOINT);
        assertThat(registry.bind("evt.rawarg.res", null, UseContext.CONDITION).field().type()).isEqualTo(FieldType.INT64);
        assertThat(registry.bind("evt.rawarg.name", null, UseContext.CONDITION).field().type()).isEqualTo(FieldType.CHARBUF);
    }

    @Test
    void operatorsPerType() {
        assertThat(FieldType.CHARBUF.allowedOps()).contains(Op.CONTAINS, Op.GLOB, Op.PMATCH, Op.LT).doesNotContain(Op.BCONTAINS);
        assertThat(FieldType.INT64.allowedOps()).contains(Op.GE, Op.IN).doesNotContain(Op.CONTAINS, Op.STARTSWITH);
        assertThat(FieldType.BOOL.allowedOps()).containsExactlyInAnyOrder(Op.EQ, Op.EQEQ, Op.NE, Op.IN, Op.INTERSECTS, Op.EXISTS);
        assertThat(FieldType.IPNET.allowedOps()).doesNotContain(Op.LT, Op.CONTAINS);
        assertThat(FieldType.BYTEBUF.allowedOps()).contains(Op.BCONTAINS, Op.BSTARTSWITH, Op.CONTAINS).doesNotContain(Op.GLOB);
        assertThat(FieldType.PORT.isNumeric()).isTrue();
        assertThat(FieldType.IPADDR.isNumeric()).isFalse();
        assertThat(registry.bind("k8smeta.svc.name", null, UseContext.CONDITION).field().allowedOps())
                .containsExactlyInAnyOrder(Op.IN, Op.INTERSECTS, Op.EXISTS);
    }

    @Test
    void registryIsSortedDescribedAndComplete() {
        List<FieldDef> all = registry.all();
        assertThat(all.size()).isGreaterThan(200);
        Set<String> names = new HashSet<>();
        String prev = "";
        for (FieldDef d : all) {
            assertThat(d.name().compareTo(prev)).as(d.name()).isPositive();
            prev = d.name();
            assertThat(names.add(d.name())).isTrue();
            assertThat(d.description()).as(d.name()).isNotBlank().doesNotContain("TODO");
        }
        String[] k8smeta = {"pod.name", "pod.uid", "pod.label", "pod.labels", "pod.ip", "ns.name", "ns.uid", "ns.label", "ns.labels",
                "deployment.name", "deployment.uid", "deployment.label", "deployment.labels", "svc.name", "svc.uid", "svc.label",
                "svc.labels", "rs.name", "rs.uid", "rs.label", "rs.labels", "rc.name", "rc.uid", "rc.label", "rc.labels"};
        for (String f : k8smeta) assertThat(registry.find("k8smeta." + f)).as(f).isPresent();
        for (String f : new String[] {"pod.name", "ns.name", "pod.id", "pod.uid", "pod.sandbox_id", "pod.full_sandbox_id", "pod.label",
                "pod.labels", "pod.ip", "pod.cni.json"}) {
            assertThat(registry.find("k8s." + f)).as(f).isPresent();
        }
        for (String f : new String[] {"evt.time", "evt.time.iso8601", "evt.datetime", "evt.hostname", "evt.type", "evt.num", "evt.dir",
                "evt.res", "evt.rawres", "evt.failed", "evt.args", "evt.arg", "evt.rawarg", "evt.is_open_read", "evt.is_open_write",
                "evt.is_open_exec", "evt.buffer", "evt.cpu", "proc.pid", "proc.ppid", "proc.vpid", "thread.tid", "proc.sid",
                "proc.vpgid", "proc.is_vpgid_leader", "proc.env", "proc.apid", "proc.aexe", "proc.aexepath", "proc.acmdline",
                "proc.aargs", "thread.vtid", "thread.cap_effective", "user.uid", "group.name", "fd.cip", "fd.sip", "fd.lip", "fd.rip",
                "fd.cport", "fd.sport", "fd.lport", "fd.rport", "fd.port", "fd.cnet", "fd.snet", "fd.lnet", "fd.rnet", "fd.net",
                "fd.sockfamily", "fd.l4proto", "fd.is_server", "container.id", "container.name", "container.image",
                "container.image.repository", "container.image.tag", "container.image.id", "container.type", "container.privileged",
                "container.mounts", "container.mount.dest", "container.start_ts", "container.info"}) {
            assertThat(registry.find(f)).as(f).isPresent();
        }
        assertThat(registry.find("evt.dir").orElseThrow().deprecated()).isTrue();
        assertThat(registry.find("container.info").orElseThrow().deprecated()).isTrue();
        assertThat(FieldRegistry.standard()).isSameAs(registry);
    }

    @Test
    void renderingAsFalcoPrints() {
        assertThat(FieldRegistry.renderValue(null)).isEqualTo("<NA>");
        assertThat(FieldRegistry.renderValue(-1L)).isEqualTo("-1");
        assertThat(FieldRegistry.renderValue(Boolean.TRUE)).isEqualTo("true");
        assertThat(FieldRegistry.renderValue(List.of("a:b", "c:d"))).isEqualTo("(a:b,c:d)");
        assertThat(FieldRegistry.renderValue(new byte[] {'h', 'i', 0, 10})).isEqualTo("hi..");
    }

    @Test
    void helperTables() {
        assertThat(Errno.result(0)).isEqualTo("SUCCESS");
        assertThat(Errno.result(-2)).isEqualTo("ENOENT");
        assertThat(Errno.name(1)).isEqualTo("EPERM");
        assertThat(Errno.name(13)).isEqualTo("EACCES");
        assertThat(Errno.name(111)).isEqualTo("ECONNREFUSED");
        assertThat(Errno.name(115)).isEqualTo("EINPROGRESS");
        assertThat(Errno.name(133)).isEqualTo("EHWPOISON");
        assertThat(Errno.number("EINPROGRESS")).isEqualTo(115);
        assertThat(Capabilities.render(Capabilities.bits("CAP_CHOWN", "CAP_SYS_ADMIN"))).isEqualTo("CAP_CHOWN CAP_SYS_ADMIN");
        assertThat(Capabilities.render(Capabilities.ALL)).startsWith("CAP_CHOWN CAP_DAC_OVERRIDE").endsWith("CAP_CHECKPOINT_RESTORE");
        assertThat(OpenFlags.render(OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC)).isEqualTo("O_RDONLY|O_CLOEXEC");
        assertThat(OpenFlags.render(OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC)).isEqualTo("O_TRUNC|O_CREAT|O_WRONLY");
        assertThat(OpenFlags.render(OpenFlags.O_RDWR)).isEqualTo("O_RDWR");
        assertThat(OpenFlags.render(0)).isEqualTo("O_NONE");
        assertThat(OpenFlags.renderExe(OpenFlags.EXE_WRITABLE | OpenFlags.EXE_UPPER_LAYER)).isEqualTo("EXE_WRITABLE|EXE_UPPER_LAYER");
        assertThat(OpenFlags.fromKernel(01101)).isEqualTo(OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        assertThat(OpenFlags.fromKernel(02000000)).isEqualTo(OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC);
    }

    @Test
    void globMatchesLikeFnmatchWithoutPathname() {
        assertThat(Glob.matches("/proc*", "/proc")).isTrue();
        assertThat(Glob.matches("/proc*", "/proc/sys/kernel")).isTrue();
        assertThat(Glob.matches("/var/*", "/var/run/x.txt")).isTrue();
        assertThat(Glob.matches("/", "/")).isTrue();
        assertThat(Glob.matches("/", "/etc")).isFalse();
        assertThat(Glob.matches("/root*", "/home/root")).isFalse();
        assertThat(Glob.matches("file?.[ch]", "file1.c")).isTrue();
        assertThat(Glob.matches("file[!0-9]", "file1")).isFalse();
        assertThat(Glob.matches("a\\*b", "a*b")).isTrue();
        assertThat(Glob.matches("a\\*b", "axb")).isFalse();
    }

    /** Extractors are made on first bind (FieldFamily): every listed field, in every argument form it accepts, must get one. */
    @Test
    void everyFieldBindsInEveryArgumentFormItAccepts() {
        for (FieldDef d : registry.all()) {
            List<String> args = new ArrayList<>();
            if (!d.argKind().required()) args.add(null);
            if (d.argKind().acceptsIndex()) args.add("1");
            if (d.argKind().acceptsKey()) args.add("app");
            for (String arg : args) {
                for (UseContext ctx : UseContext.values()) {
                    if (ctx == UseContext.OUTPUT && d.filterOnly()) continue;
                    BindResult b = registry.bind(d.name(), arg, ctx);
                    assertThat(b.isOk()).as(d.name() + "[" + arg + "] in " + ctx + ": " + b.error()).isTrue();
                    assertThat(b.field().extractor()).as(d.name()).isNotNull();
                }
            }
            if (d.argKind() == ArgKind.NONE) {
                assertThat(registry.bind(d.name(), null, UseContext.CONDITION).field().extractor())
                        .as("one shared extractor for " + d.name())
                        .isSameAs(registry.bind(d.name(), null, UseContext.CONDITION).field().extractor());
            }
        }
    }
}
