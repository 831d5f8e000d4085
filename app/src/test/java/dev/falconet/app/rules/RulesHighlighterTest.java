package dev.falconet.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulesHighlighterTest {
    private static String styled(String text, String style) {
        return String.join("|", RulesHighlighter.spans(text).stream().filter(s -> s.style().equals(style))
                .map(s -> text.substring(s.start(), s.end())).toList());
    }

    private static final String RULE = """
            # a comment
            - rule: Shell in container   # trailing
              condition: >
                spawned_process and container
                and proc.name in (bash, sh) and fd.name startswith /etc
              output: shell (user=%user.name cmd=%proc.cmdline)
              priority: WARNING
            """;

    @Test
    void itemsKeysAndCommentsAreMarked() {
        assertThat(styled(RULE, RulesHighlighter.ITEM)).isEqualTo("rule");
        assertThat(styled(RULE, RulesHighlighter.KEY)).isEqualTo("condition|output|priority");
        assertThat(styled(RULE, RulesHighlighter.COMMENT)).isEqualTo("# a comment|# trailing");
    }

    @Test
    void conditionFieldsAndKeywordsAreMarkedOnlyInsideTheCondition() {
        assertThat(styled(RULE, RulesHighlighter.KEYWORD)).isEqualTo("and|and|in|and|startswith");
        assertThat(styled(RULE, RulesHighlighter.FIELD)).isEqualTo("proc.name|fd.name|%user.name|%proc.cmdline");
    }

    @Test
    void spansAreOrderedAndDoNotOverlap() {
        List<HighlightSpan> s = RulesHighlighter.spans(RULE);
        for (int i = 1; i < s.size(); i++) assertThat(s.get(i).start()).isGreaterThanOrEqualTo(s.get(i - 1).end());
    }

    @Test
    void aHashInsideQuotesIsNoComment() {
        assertThat(RulesHighlighter.commentStart("output: 'a # b'", 0)).isEqualTo(15);
    }

    @Test
    void emptyAndBrokenTextGiveNoSpansButNoFailure() {
        assertThat(RulesHighlighter.spans("")).isEmpty();
        assertThat(RulesHighlighter.spans("- rule: [\n  condition: 'unclosed\n")).isNotNull();
    }
}
