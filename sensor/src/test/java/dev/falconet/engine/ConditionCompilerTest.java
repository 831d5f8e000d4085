package dev.falconet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.compile.ConditionCompiler;
import dev.falconet.engine.explain.ExplainNode;
import dev.falconet.event.Arg;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.FdInfo;
import dev.falconet.event.FdType;
import dev.falconet.event.ThreadInfo;
import dev.falconet.event.ThreadTable;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.rules.ast.Expr;
import dev.falconet.rules.parse.ConditionParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionCompilerTest {
    private final ThreadTable table = new ThreadTable();
    private final Event open;

    ConditionCompilerTest() {
        table.put(new ThreadInfo(table, 1).comm("systemd").exe("/sbin/init").exepath("/usr/lib/systemd/systemd"));
        table.put(new ThreadInfo(table, 100).ptid(1).comm("sshd").exe("/usr/sbin/sshd").exepath("/usr/sbin/sshd"));
        table.put(new ThreadInfo(table, 200).ptid(100).comm("bash").exe("-bash").exepath("/usr/bin/bash"));
        ThreadInfo cat = table.put(new ThreadInfo(table, 300).ptid(200).comm("cat").exe("cat").exepath("/usr/bin/cat")
                .args(List.of("/etc/pam.d/passwd")).uid(1000).loginUid(1000));
        FdInfo fd = FdInfo.file(3, FdType.FILE, "/etc/pam.d/passwd", "/etc/pam.d/passwd", 1);
        open = new Event(7, 1_700_000_000_123_456_789L, EventTypes.id("openat"), 3,
                List.of(Arg.fd("fd", 3), Arg.fd("dirfd", -100), Arg.path("name", "/etc/pam.d/passwd"),
                        Arg.flags("flags", 1, "O_RDONLY"), Arg.num("mode", 0)),
                cat, fd, 0);
    }

    private boolean eval(String condition) {
        ConditionCompiler.Result r = compile(condition);
        assertThat(r.findings()).as("findings of <%s>", condition).noneMatch(ConditionCompiler.Finding::error);
        return r.node().eval(open);
    }

    private static ConditionCompiler.Result compile(String condition) {
        Expr e = ConditionParser.parse(condition).expr();
        return ConditionCompiler.compile(e, FieldRegistry.standard());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "evt.type = openat | true",
            "evt.type in (open, openat, openat2) | true",
            "evt.type != openat | false",
            "proc.name = cat | true",
            "proc.name != cat | false",
            "proc.pname = bash | true",
            "proc.aname[2] = sshd | true",
            "proc.aname[3] = systemd | true",
            "proc.aname[4] = systemd | false",
            "not proc.aname[4] = systemd | true",
            "proc.aname[4] != systemd | false",
            "proc.aname = sshd | true",
            "proc.aname = cat | false",
            "proc.aname != bash | true",
            "not proc.aname in (bash, sshd) | false",
            "fd.name startswith /etc/pam.d | true",
            "fd.directory in (/etc/sudoers.d, /etc/pam.d) | true",
            "fd.filename = passwd | true",
            "fd.name glob '/etc/*' | true",
            "fd.name glob '/var/*' | false",
            "fd.name pmatch (/etc/pam.d) | true",
            "fd.name pmatch (/etc/pam) | false",
            "fd.name icontains PAM.D | true",
            "fd.name regex '/etc/pam[.]d/.*' | true",
            "fd.name regex 'pam' | false",
            "fd.num >= 0 | true",
            "fd.num in (1, 2, 3) | true",
            "evt.rawres >= 0 | true",
            "evt.res = SUCCESS | true",
            "evt.arg.flags contains O_RDONLY | true",
            "evt.is_open_read = true | true",
            "user.uid = 1000 | true",
            "user.loginuid = -1 | false",
            "container.id = host | true",
            "proc.name exists | true",
            "proc.aname[9] exists | false",
            "tolower(proc.name) = cat | true",
            "toupper(proc.name) = CAT | true",
            "len(proc.name) = 3 | true",
            "basename(fd.name) = passwd | true",
            "proc.name = val(proc.name) | true",
            "proc.name = val(proc.pname) | false",
            "proc.name startswith oneof (ba, ca) | true",
            "proc.name startswith allof (ba, ca) | false",
            "evt.num = 0 | false",
            "not evt.num = 0 | true",
    })
    void evaluates(String condition, boolean expected) {
        assertThat(eval(condition)).as(condition).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fd.num contains 1 | 'contains' operator not supported for numeric filters",
            "evt.rawres >= 0x10 | 0x10 is not a valid number",
            "evt.type = opne | unknown event type opne",
            "evt.is_open_read = yes | unrecognized boolean value yes",
            "proc.nme = bash | proc.nme",
            "fd.name regex '(' | invalid regular expression",
            "evt.buffer bcontains zz | not a valid hex string",
            "undefined_macro | Undefined macro 'undefined_macro' used in filter.",
    })
    void rejects(String condition, String message) {
        ConditionCompiler.Result r = compile(condition);
        assertThat(r.ok()).isFalse();
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains(message));
    }

    @Test
    void unknownFieldSuggestsANearName() {
        ConditionCompiler.Result r = compile("proc.nme = bash");
        assertThat(r.findings().getFirst().message()).contains("did you mean").contains("proc.name");
    }

    @Test
    void explainShowsValuesAndSkippedOperands() {
        ConditionCompiler.Result r = compile("evt.type = openat and (proc.name = bash or fd.name startswith /etc) and proc.pname = zsh");
        ExplainNode x = r.node().explain(open);
        assertThat(x.outcome()).isEqualTo(ExplainNode.Outcome.FALSE);
        ExplainNode or = x.children().get(1);
        assertThat(or.outcome()).isEqualTo(ExplainNode.Outcome.TRUE);
        assertThat(or.children().get(0).reads().getFirst().value()).isEqualTo("cat");
        assertThat(x.decisiveChecks()).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("proc.pname = \"zsh\"");
            assertThat(n.reads().getFirst().value()).isEqualTo("bash");
        });
        ExplainNode shortCircuit = compile("proc.name = bash and fd.name = x").node().explain(open);
        assertThat(shortCircuit.children().get(1).outcome()).isEqualTo(ExplainNode.Outcome.NOT_EVALUATED);
    }

    @Test
    void eventTypeSets() {
        assertThat(types("evt.type in (open, openat) and proc.name = cat")).isEqualTo("open,openat");
        assertThat(types("evt.type = open or evt.type = openat")).isEqualTo("open,openat");
        assertThat(types("not evt.type != open")).isEqualTo("open");
        assertThat(types("proc.name = cat")).isEqualTo("<all>");
        assertThat(types("evt.type = open and not evt.type = open")).isEqualTo("");
        assertThat(types("evt.num = 0")).isEqualTo("");
        assertThat(types("evt.type = open and not evt.num = 0")).isEqualTo("open");
        assertThat(types("not (evt.type = open or proc.name = x)")).isEqualTo(EventTypeSet.of(EventTypes.id("open")).complement().toString());
    }

    private static String types(String condition) {
        return EventTypeAnalyzer.analyze(ConditionParser.parse(condition).expr()).toString();
    }
}
