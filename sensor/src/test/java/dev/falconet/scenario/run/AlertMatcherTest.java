package dev.falconet.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import dev.falconet.scenario.AbsentRule;
import dev.falconet.scenario.AlertExpectation;
import dev.falconet.scenario.Expectations;
import dev.falconet.scenario.FieldCheck;
import dev.falconet.scenario.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Grading: each failure reason the matcher gives, and what passes. */
class AlertMatcherTest {
    static final SourcePos AT = new SourcePos("s.yaml", 1, 1);
    static final String READ = "Read sensitive file untrusted";
    static final String LINK = "Create Symlink Over Sensitive Files";

    static SeenAlert alert(String rule, Priority p, String step, Map<String, Object> outputFields) {
        return new SeenAlert(new Alert(1, rule, p, "syscall", List.of(), "h", "out", "msg", outputFields, "u"), step, Map.of());
    }

    static AlertExpectation expect(String rule, Priority p, String step, Map<String, FieldCheck> fields) {
        return new AlertExpectation(rule, p, step, fields, AT);
    }

    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    final SeenAlert readShadow = alert(READ, Priority.WARNING, "read", fields("fd.name", "/etc/shadow", "proc.cmdline", "cat /etc/shadow",
            "container.id", "0123456789ab", "user.loginuid", -1L, "k8s.ns.name", null));

    @Test
    void matchingAlertsPass() {
        var x = expect(READ, Priority.WARNING, "read", Map.of(
                "fd.name", new FieldCheck.Equals("/etc/shadow"),
                "proc.cmdline", new FieldCheck.Contains("shadow"),
                "container.id", new FieldCheck.Exists(true),
                "k8s.ns.name", new FieldCheck.Exists(false),
                "user.loginuid", new FieldCheck.Matches(Pattern.compile("^-?[0-9]+$"))));
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x), List.of()), List.of(readShadow))).isEmpty();
    }

    @Test
    void anExpectedRuleNotSeenSaysWhatWasSeen() {
        var x = expect(LINK, null, null, Map.of());
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x), List.of()), List.of()))
                .containsExactly("expected rule '" + LINK + "' not seen (no alerts at all)");
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x, expect(READ, null, null, Map.of())), List.of()), List.of(readShadow)))
                .containsExactly("expected rule '" + LINK + "' not seen (alerts seen: " + READ + ")");
    }

    @Test
    void aFieldThatDiffersSaysExpectedAndGot() {
        var x = expect(READ, null, null, Map.of("fd.name", new FieldCheck.Equals("/etc/pam.d/passwd")));
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x), List.of()), List.of(readShadow)))
                .containsExactly("rule '" + READ + "': its alert: field fd.name: expected equals /etc/pam.d/passwd, got /etc/shadow");
        Map<String, FieldCheck> checks = new LinkedHashMap<>();
        checks.put("k8s.ns.name", new FieldCheck.Equals("prod"));
        checks.put("proc.pid", new FieldCheck.Exists(true));
        var missing = expect(READ, null, null, checks);
        assertThat(AlertMatcher.match(new Expectations(false, List.of(missing), List.of()), List.of(readShadow)))
                .containsExactly("rule '" + READ + "': its alert: field k8s.ns.name: expected equals prod, got no value; "
                        + "field proc.pid: expected a value, got not in the alert's output fields");
    }

    @Test
    void priorityAndStepMustMatch() {
        var x = expect(READ, Priority.CRITICAL, "link", Map.of());
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x), List.of()), List.of(readShadow)))
                .containsExactly("rule '" + READ + "': its alert: priority: expected CRITICAL, got WARNING; "
                        + "step: expected it to be caused by step 'link', got step 'read'");
    }

    @Test
    void theClosestOfSeveralAlertsIsShown() {
        var other = alert(READ, Priority.WARNING, "read", fields("fd.name", "/etc/sudoers", "proc.cmdline", "cat /etc/sudoers"));
        var x = expect(READ, null, null, Map.of("fd.name", new FieldCheck.Equals("/etc/pam.d/passwd"), "proc.cmdline", new FieldCheck.Contains("shadow")));
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x), List.of()), List.of(other, readShadow)))
                .containsExactly("rule '" + READ + "': none of its 2 alerts matches; the closest: field fd.name: expected equals /etc/pam.d/passwd, got /etc/shadow");
    }

    @Test
    void anUnexpectedRuleFails() {
        var link = alert(LINK, Priority.WARNING, "link", fields("proc.cmdline", "ln -s /etc/shadow /tmp/x"));
        var x = expect(READ, null, null, Map.of());
        assertThat(AlertMatcher.match(new Expectations(false, List.of(x), List.of()), List.of(readShadow, link, link)))
                .containsExactly("unexpected rule '" + LINK + "' fired (2 times) (step 'link', command ln -s /etc/shadow /tmp/x)");
    }

    @Test
    void absentRulesMustNotFireAtAllOrForTheirStep() {
        var link = alert(LINK, Priority.WARNING, null, fields());
        assertThat(AlertMatcher.match(new Expectations(false, List.of(), List.of(new AbsentRule(LINK, null, AT))), List.of(link)))
                .containsExactly("rule '" + LINK + "' fired but must not");
        assertThat(AlertMatcher.match(new Expectations(false, List.of(), List.of(new AbsentRule(LINK, null, AT))), List.of())).isEmpty();
        // the same rule expected for one step and absent for another
        var prod = alert(READ, Priority.WARNING, "prod", fields());
        var secured = alert(READ, Priority.WARNING, "secured", fields());
        var both = new Expectations(false, List.of(expect(READ, null, "prod", Map.of())), List.of(new AbsentRule(READ, "secured", AT)));
        assertThat(AlertMatcher.match(both, List.of(prod))).isEmpty();
        assertThat(AlertMatcher.match(both, List.of(prod, secured)))
                .containsExactly("rule '" + READ + "' fired for step 'secured' but must not (step 'secured')");
    }

    @Test
    void orderedExpectationsMustComeInOrder() {
        var link = alert(LINK, Priority.WARNING, "link", fields());
        var ordered = new Expectations(true, List.of(expect(READ, null, null, Map.of()), expect(LINK, null, null, Map.of())), List.of());
        assertThat(AlertMatcher.match(ordered, List.of(readShadow, link))).isEmpty();
        assertThat(AlertMatcher.match(ordered, List.of(link, readShadow)))
                .containsExactly("rule '" + LINK + "' fired out of order: expected after the alerts listed before it");
        var unordered = new Expectations(false, ordered.alerts(), List.of());
        assertThat(AlertMatcher.match(unordered, List.of(link, readShadow))).isEmpty();
    }
}
