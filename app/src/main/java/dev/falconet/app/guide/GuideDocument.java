package dev.falconet.app.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Guide's text for one language: sections of headings, paragraphs, bullet lists, code blocks and
 * diagrams, read from a small markdown dialect ({@code guide_en.md}, {@code guide_ru.md} next to this
 * class). The page renders it; the diagrams are drawn by the UI from their names.
 *
 * <p>The dialect: {@code # {id} Title} starts a section, {@code ## Title} a sub-heading, {@code - } a bullet,
 * a line of three backticks opens and closes a code block, {@code ::diagram NAME} places a diagram, blank
 * lines end paragraphs. Inline {@code `code`} and {@code **bold**} are kept in the text for {@link Inline}.
 */
public record GuideDocument(Locale language, List<Section> sections) {
    /** The diagrams the UI draws. */
    public static final Set<String> DIAGRAMS = Set.of("kubernetes", "tools", "falco", "falconet", "rule");

    public GuideDocument {
        sections = List.copyOf(sections);
    }

    /** One part of the guide, listed in its table of contents. */
    public record Section(String id, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of a section. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Code, Diagram {}

    public record Heading(String text) implements Block {}

    public record Paragraph(String text) implements Block {}

    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    public record Code(String text) implements Block {}

    public record Diagram(String name) implements Block {}

    /** The guide in {@code language} (English for any language without its own text). */
    public static GuideDocument load(Locale language) {
        String lang = language.getLanguage().equals("ru") ? "ru" : "en";
        String name = "guide_" + lang + ".md";
        try (InputStream in = GuideDocument.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the guide text " + name + " is missing from the app's resources");
            return parse(Locale.forLanguageTag(lang), name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the dialect.
     *
     * @throws IllegalArgumentException naming {@code source} and the line for text outside a section, an
     *                                  unknown diagram or an unclosed code block
     */
    public static GuideDocument parse(Locale language, String source, String text) {
        List<Section> sections = new ArrayList<>();
        String id = null;
        String title = null;
        List<Block> blocks = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        List<String> bullets = new ArrayList<>();
        StringBuilder code = null;
        int codeStart = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            int no = i + 1;
            if (code != null) {
                if (line.equals("```")) {
                    blocks.add(new Code(code.toString().stripTrailing()));
                    code = null;
                } else {
                    code.append(line).append('\n');
                }
                continue;
            }
            boolean structural = line.isEmpty() || line.startsWith("#") || line.equals("```") || line.startsWith("::");
            boolean bullet = line.startsWith("- ");
            if (structural || bullet && !para.isEmpty() || !bullets.isEmpty() && !bullet && !line.startsWith("  ")) {
                flush(blocks, para, bullets);
            }
            if (line.isEmpty()) continue;
            if (line.startsWith("# ")) {
                if (id != null) sections.add(new Section(id, title, blocks));
                String rest = line.substring(2).strip();
                if (!rest.startsWith("{") || rest.indexOf('}') < 0) {
                    throw new IllegalArgumentException(source + ":" + no + ": a section starts with '# {id} Title'");
                }
                id = rest.substring(1, rest.indexOf('}')).strip();
                title = rest.substring(rest.indexOf('}') + 1).strip();
                blocks = new ArrayList<>();
                continue;
            }
            if (id == null) throw new IllegalArgumentException(source + ":" + no + ": text before the first section ('# {id} Title')");
            if (line.startsWith("## ")) {
                blocks.add(new Heading(line.substring(3).strip()));
            } else if (line.equals("```")) {
                code = new StringBuilder();
                codeStart = no;
            } else if (line.startsWith("::diagram ")) {
                String d = line.substring("::diagram ".length()).strip();
                if (!DIAGRAMS.contains(d)) throw new IllegalArgumentException(source + ":" + no + ": unknown diagram '" + d + "' (known: " + DIAGRAMS + ")");
                blocks.add(new Diagram(d));
            } else if (line.startsWith("- ")) {
                bullets.add(line.substring(2).strip());
            } else if (!bullets.isEmpty()) {
                // an indented continuation of the last bullet
                int last = bullets.size() - 1;
                bullets.set(last, bullets.get(last) + " " + line.strip());
            } else {
                if (!para.isEmpty()) para.append(' ');
                para.append(line.strip());
            }
        }
        if (code != null) throw new IllegalArgumentException(source + ":" + codeStart + ": code block not closed with ```");
        flush(blocks, para, bullets);
        if (id != null) sections.add(new Section(id, title, blocks));
        return new GuideDocument(language, sections);
    }

    private static void flush(List<Block> blocks, StringBuilder para, List<String> bullets) {
        if (!para.isEmpty()) {
            blocks.add(new Paragraph(para.toString()));
            para.setLength(0);
        }
        if (!bullets.isEmpty()) {
            blocks.add(new Bullets(bullets));
            bullets.clear();
        }
    }
}
