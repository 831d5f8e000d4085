package dev.falconet.app.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GuideDocumentTest {
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void bothLanguagesHaveTheSameSectionsDiagramsAndCodeBlocks() {
        GuideDocument en = GuideDocument.load(Locale.ENGLISH);
        GuideDocument ru = GuideDocument.load(RU);
        assertThat(en.sections()).extracting(GuideDocument.Section::id)
                .containsExactly("kubernetes", "tools", "falco", "falconet", "rule", "kubectl");
        assertThat(ru.sections()).extracting(GuideDocument.Section::id)
                .containsExactlyElementsOf(en.sections().stream().map(GuideDocument.Section::id).toList());
        for (int i = 0; i < en.sections().size(); i++) {
            assertThat(shape(ru.sections().get(i))).as(en.sections().get(i).id()).isEqualTo(shape(en.sections().get(i)));
            assertThat(ru.sections().get(i).title()).isNotEqualTo(en.sections().get(i).title());
        }
        assertThat(en.sections().stream().flatMap(s -> s.blocks().stream()).filter(b -> b instanceof GuideDocument.Diagram)
                .map(b -> ((GuideDocument.Diagram) b).name())).containsExactlyInAnyOrderElementsOf(GuideDocument.DIAGRAMS);
    }

    @Test
    void theKubectlSectionExplainsEveryCommandKindTheLabLogs() {
        String text = GuideDocument.load(Locale.ENGLISH).sections().stream().filter(s -> s.id().equals("kubectl")).findFirst()
                .orElseThrow().blocks().toString();
        for (String cmd : List.of("minikube status", "minikube start", "minikube stop", "kubectl config current-context", "kubectl apply -f",
                "kubectl get pods", "kubectl rollout status", "kubectl wait", "kubectl exec", "kubectl cp", "kubectl logs -f",
                "helm repo add", "helm install", "helm uninstall")) {
            assertThat(text).as(cmd).contains(cmd);
        }
    }

    @Test
    void parsesHeadingsParagraphsBulletsCodeAndDiagrams() {
        GuideDocument d = GuideDocument.parse(Locale.ENGLISH, "t.md", """
                # {a} First
                Two lines
                of one paragraph.

                ## Sub
                - one
                  continued
                - two
                ```
                code  kept
                ```
                ::diagram rule
                """);
        assertThat(d.sections()).hasSize(1);
        assertThat(d.sections().getFirst().title()).isEqualTo("First");
        assertThat(d.sections().getFirst().blocks()).containsExactly(
                new GuideDocument.Paragraph("Two lines of one paragraph."),
                new GuideDocument.Heading("Sub"),
                new GuideDocument.Bullets(List.of("one continued", "two")),
                new GuideDocument.Code("code  kept"),
                new GuideDocument.Diagram("rule"));
    }

    @Test
    void badTextNamesTheLine() {
        assertThatThrownBy(() -> GuideDocument.parse(Locale.ENGLISH, "t.md", "# {a} A\n::diagram nope\n"))
                .hasMessageContaining("t.md:2").hasMessageContaining("unknown diagram 'nope'");
        assertThatThrownBy(() -> GuideDocument.parse(Locale.ENGLISH, "t.md", "text\n")).hasMessageContaining("t.md:1");
        assertThatThrownBy(() -> GuideDocument.parse(Locale.ENGLISH, "t.md", "# {a} A\n```\nx\n")).hasMessageContaining("t.md:2");
    }

    @Test
    void inlineCodeAndBold() {
        assertThat(Inline.parse("a *chart* * b")).containsExactly(new Inline.Span("a ", Inline.Style.PLAIN),
                new Inline.Span("chart", Inline.Style.ITALIC), new Inline.Span(" * b", Inline.Style.PLAIN));
        assertThat(Inline.parse("run `kubectl get pods` **now** or `never")).containsExactly(
                new Inline.Span("run ", Inline.Style.PLAIN), new Inline.Span("kubectl get pods", Inline.Style.CODE),
                new Inline.Span(" ", Inline.Style.PLAIN), new Inline.Span("now", Inline.Style.BOLD),
                new Inline.Span(" or `never", Inline.Style.PLAIN));
    }

    private static List<String> shape(GuideDocument.Section s) {
        return s.blocks().stream().map(b -> switch (b) {
            case GuideDocument.Diagram d -> "diagram " + d.name();
            case GuideDocument.Code c -> "code";
            case GuideDocument.Heading h -> "heading";
            case GuideDocument.Bullets l -> "bullets " + l.items().size();
            case GuideDocument.Paragraph p -> "paragraph";
        }).toList();
    }
}
