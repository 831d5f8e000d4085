package dev.falconet.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.replay.DemoBundle;
import dev.falconet.app.replay.ReplaySource;
import dev.falconet.engine.EngineOptions;
import dev.falconet.engine.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureTestTest {
    private static final RuleEngine ENGINE = RuleEngine.load(List.of(DemoBundle.rules()), EngineOptions.defaults()).engine();

    private static ReplaySource capture(String prefix) {
        return DemoBundle.captures().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void thePositiveCaptureMatchesItsRuleAndTheNegativeOneDoesNot() {
        assertThat(CaptureTest.run(ENGINE, capture("read-sensitive-file-untrusted/positive")))
                .filteredOn(CaptureTest.EventRow::matched).extracting(CaptureTest.EventRow::matchedRule)
                .containsOnly("Read sensitive file untrusted");
        assertThat(CaptureTest.run(ENGINE, capture("read-sensitive-file-untrusted/negative"))).noneMatch(CaptureTest.EventRow::matched);
    }

    @Test
    void explainingAMissShowsTheFalseChecks() {
        ReplaySource neg = capture("read-sensitive-file-untrusted/negative");
        List<CaptureTest.EventRow> rows = CaptureTest.run(ENGINE, neg);
        CaptureTest.EventRow open = rows.stream().filter(r -> r.type().startsWith("open")).findFirst().orElseThrow();
        RuleEngine.Explanation x = CaptureTest.explain(ENGINE, neg, open.index(), "Read sensitive file untrusted").orElseThrow();
        assertThat(x.matched()).isFalse();
        List<ExplainLine> lines = ExplainLine.flatten(x.tree());
        // the shell exclusion decided it: "not proc.name in (shells)" is false because the check under it is true
        assertThat(lines.getFirst().outcome()).isEqualTo(dev.falconet.engine.explain.ExplainNode.Outcome.FALSE);
        assertThat(lines).filteredOn(ExplainLine::decisive).singleElement()
                .satisfies(l -> assertThat(l.reads()).containsExactly("proc.name=bash"));
    }

    @Test
    void explainingAnUnknownRuleGivesNothing() {
        assertThat(CaptureTest.explain(ENGINE, capture("read-sensitive-file-untrusted/positive"), 0, "No such rule")).isEmpty();
    }
}
