package dev.falconet.rules.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: random and mutated rules files and conditions, built from the upstream files' items and
 * condition tokens (or from a small built-in corpus when ../shared is absent). Loading must never throw,
 * and every finding must be a well-formed diagnostic.
 */
class LoaderFuzzTest {
    static final long SEED = 0x5EEDF00DL;
    /** Mutated whole files, and random conditions (loaded {@link #CONDITIONS_PER_BATCH} to a file). */
    static final int FILES = 30_000;
    static final int CONDITIONS = 70_000;
    static final int CONDITIONS_PER_BATCH = 50;

    static final String[] YAML_BITS = {":", ": ", "- ", "-", "[", "]", "{", "}", ",", "'", "\"", "|", ">", "&a ", "*a",
            "!!str ", "!!int ", "---\n", "...\n", "#", "\t", "\n", "\n  ", "\n    ", "  ", "~", "null", "? ", "<<: ",
            "\u0000", "\u00e9", "\uD83D\uDE00", "\\", "%", "@", "`", "append: true\n", "override:\n  condition: append\n",
            "enabled: false\n", "exceptions:\n  - name: x\n    fields: proc.name\n    values: [a]\n"};
    static final String[] COND_BITS = {"(", ")", "(", ")", " and ", " or ", "not ", " not", "and", "or", "=", "==", "!=",
            "<", "<=", ">", ">=", " in ", " in", "in", " intersects ", " pmatch ", " exists", " contains ", " icontains ",
            " startswith ", " endswith ", " glob ", " regex ", " bcontains ", ",", ", ", "\"", "'", "\\", "[", "]", "[2]",
            "tolower(", "toupper(", "len(", "b64(", "basename(", "val(", " oneof ", "0x10", "-1", "1e+3", "<NA>", "\n", "\t"};

    private final Random rnd = new Random(SEED);

    @Test
    void randomAndMutatedRulesFilesOnlyGiveDiagnostics() {
        Corpus corpus = Corpus.load();
        RulesLoader loader = new RulesLoader();
        int files = 0, conditions = 0, withErrors = 0, loadedRules = 0;
        while (files < FILES || conditions < CONDITIONS) {
            String text;
            if (conditions < CONDITIONS && (files >= FILES || rnd.nextInt(FILES / (CONDITIONS / CONDITIONS_PER_BATCH)) == 0)) {
                text = conditionBatch(corpus);
                conditions += CONDITIONS_PER_BATCH;
            } else {
                text = mutatedFile(corpus);
                files++;
            }
            LoadResult r;
            try {
                r = loader.load(List.of(new RulesSource("fuzz.yaml", text)));
            } catch (Throwable t) {
                throw new AssertionError("loader threw on input (seed " + SEED + "):\n" + text, t);
            }
            check(r, text);
            if (r.hasErrors()) withErrors++;
            loadedRules += r.rules().size();
        }
        System.out.println("LoaderFuzzTest: " + files + " files and " + conditions + " conditions loaded, "
                + withErrors + " inputs with errors, " + loadedRules + " rules loaded");
        // the generator must produce both clean and broken inputs, or it tests little
        assertThat(withErrors).isGreaterThan(files / 10);
        assertThat(loadedRules).isGreaterThan(files / 10);
    }

    private static void check(LoadResult r, String text) {
        for (Diagnostic d : r.diagnostics()) {
            if (d.line() < 0 || d.column() < 0 || d.code().isEmpty() || d.message().isEmpty() || d.format().isEmpty()) {
                throw new AssertionError("malformed diagnostic " + d + " for input:\n" + text);
            }
            if (d.message().startsWith("internal error")) throw new AssertionError(d.format() + " for input:\n" + text);
        }
        for (LoadedRule rule : r.rules()) {
            if (rule.conditionText() == null || rule.locate(new dev.falconet.rules.ast.Pos(rule.conditionText().length(), 1, 1)) == null) {
                throw new AssertionError("rule without condition text for input:\n" + text);
            }
        }
    }

    private String mutatedFile(Corpus c) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) sb.append(c.items.get(rnd.nextInt(c.items.size())));
        String s = sb.toString();
        int mutations = rnd.nextInt(6);
        for (int m = 0; m < mutations; m++) s = mutate(s, c);
        return s;
    }

    private String mutate(String s, Corpus c) {
        int at = s.isEmpty() ? 0 : rnd.nextInt(s.length() + 1);
        switch (rnd.nextInt(8)) {
            case 0 -> {
                int end = Math.min(s.length(), at + 1 + rnd.nextInt(20));
                return s.substring(0, at) + s.substring(end);
            }
            case 1 -> {
                return s.substring(0, at) + YAML_BITS[rnd.nextInt(YAML_BITS.length)] + s.substring(at);
            }
            case 2 -> {
                return s.substring(0, at) + COND_BITS[rnd.nextInt(COND_BITS.length)] + s.substring(at);
            }
            case 3 -> {
                return s.substring(0, at) + c.tokens.get(rnd.nextInt(c.tokens.size())) + s.substring(at);
            }
            case 4 -> {
                String[] lines = s.split("\n", -1);
                int i = rnd.nextInt(lines.length), j = rnd.nextInt(lines.length);
                String t = lines[i];
                lines[i] = lines[j];
                lines[j] = t;
                return String.join("\n", lines);
            }
            case 5 -> {
                String[] lines = s.split("\n", -1);
                int i = rnd.nextInt(lines.length);
                lines[i] = " ".repeat(rnd.nextInt(5)) + lines[i].stripLeading();
                return String.join("\n", lines);
            }
            case 6 -> {
                return s.substring(0, at);
            }
            default -> {
                String[] lines = s.split("\n", -1);
                int i = rnd.nextInt(lines.length);
                return s + "\n" + lines[i];
            }
        }
    }

    /** A file with the corpus' lists and macros and many rules whose conditions are token soup. */
    private String conditionBatch(Corpus c) {
        StringBuilder sb = new StringBuilder(c.definitions);
        for (int i = 0; i < CONDITIONS_PER_BATCH; i++) {
            String cond = randomCondition(c);
            sb.append("- rule: fuzz ").append(i).append("\n  desc: d\n  output: o\n  priority: INFO\n");
            if (rnd.nextBoolean()) {
                sb.append("  condition: '").append(cond.replace("'", "''")).append("'\n");
            } else {
                sb.append("  condition: |\n");
                for (String line : cond.split("\n", -1)) sb.append("    ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private String randomCondition(Corpus c) {
        if (rnd.nextInt(4) == 0) {
            String base = c.conditions.get(rnd.nextInt(c.conditions.size()));
            for (int m = rnd.nextInt(4); m > 0; m--) {
                int at = rnd.nextInt(base.length() + 1);
                base = base.substring(0, at) + COND_BITS[rnd.nextInt(COND_BITS.length)] + base.substring(Math.min(base.length(), at + rnd.nextInt(3)));
            }
            return base;
        }
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(14);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(3) == 0) sb.append(COND_BITS[rnd.nextInt(COND_BITS.length)]);
            else sb.append(c.tokens.get(rnd.nextInt(c.tokens.size())));
            if (rnd.nextBoolean()) sb.append(' ');
        }
        return sb.toString();
    }

    /** Items, condition tokens and conditions from the upstream files, or a small built-in set. */
    record Corpus(List<String> items, List<String> tokens, List<String> conditions, String definitions) {
        static Corpus load() {
            List<String> texts = new ArrayList<>();
            Path dir = UpstreamRulesTest.upstreamDir();
            if (dir != null) {
                for (String f : UpstreamRulesTest.FILES) {
                    try {
                        texts.add(Files.readString(dir.resolve(f)));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            } else {
                System.out.println("LoaderFuzzTest: ../shared/falco-upstream absent, using the built-in corpus");
                texts.add(BUILT_IN);
            }
            List<String> items = new ArrayList<>();
            Set<String> tokens = new LinkedHashSet<>();
            List<String> conditions = new ArrayList<>();
            StringBuilder defs = new StringBuilder();
            for (String t : texts) {
                String[] parts = t.split("\n(?=- )");
                for (String p : parts) {
                    String item = p.endsWith("\n") ? p : p + "\n";
                    items.add(item);
                    if ((item.startsWith("- list:") || item.startsWith("- macro:")) && defs.length() < 6000) defs.append(item);
                }
            }
            LoadResult r = new RulesLoader().load(texts.stream().map(t -> new RulesSource("c.yaml", t)).toList());
            r.macros().forEach(m -> conditions.add(m.conditionText()));
            r.rules().forEach(m -> conditions.add(m.conditionText()));
            for (String cond : conditions) for (String w : cond.split("[\\s()]+")) if (!w.isEmpty()) tokens.add(w);
            r.macros().forEach(m -> tokens.add(m.name()));
            r.lists().forEach(l -> tokens.add(l.name()));
            return new Corpus(items, new ArrayList<>(tokens), conditions, defs.toString());
        }
    }

    static final String BUILT_IN = """
            - required_engine_version: 0.57.0
            - list: shell_binaries
              items: [ash, bash, csh, ksh, sh, tcsh, zsh, dash]
            - list: sensitive_file_names
              items: [/etc/shadow, /etc/sudoers, /etc/pam.conf]
            - macro: open_read
              condition: (evt.type in (open,openat,openat2) and evt.is_open_read=true and fd.typechar='f' and fd.num>=0)
            - macro: spawned_process
              condition: (evt.type in (execve, execveat) and evt.dir=<)
            - macro: container
              condition: (container.id != host)
            - rule: Read sensitive file untrusted
              desc: an attempt to read sensitive files
              condition: open_read and fd.name in (sensitive_file_names) and not proc.name in (shell_binaries)
              output: Sensitive file opened (file=%fd.name user=%user.name proc=%proc.name)
              priority: WARNING
              tags: [maturity_stable, host, container, filesystem]
            - rule: Terminal shell in container
              desc: a shell was used as the entrypoint
              condition: spawned_process and container and proc.name in (shell_binaries) and proc.tty != 0
              output: A shell was spawned in a container (user=%user.name %container.info shell=%proc.name)
              priority: NOTICE
              exceptions:
                - name: known
                  fields: [proc.pname, proc.aname[2]]
                  comps: [=, in]
                  values: [[runc, [containerd, dockerd]]]
            """;
}
