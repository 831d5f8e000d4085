package dev.falconet.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.app.replay.DemoBundle;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.rules.load.RulesLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    private final Completions completions = new Completions(FieldRegistry.standard());

    @Test
    void fieldsCompleteByPrefix() {
        assertThat(completions.suggest("proc.pn", null)).extracting(Completions.Suggestion::text).contains("proc.pname");
    }

    @Test
    void macrosAndListsOfTheFileComplete() {
        var loaded = new RulesLoader().load(List.of(DemoBundle.rules()));
        assertThat(completions.suggest("spawned", loaded)).extracting(Completions.Suggestion::kind).contains("macro");
    }

    @Test
    void theWordBeforeTheCaretIncludesDots() {
        assertThat(Completions.wordBefore("and proc.na", 11)).isEqualTo("proc.na");
        assertThat(Completions.wordBefore("x ", 2)).isEmpty();
    }
}
