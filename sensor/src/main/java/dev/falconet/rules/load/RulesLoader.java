package dev.falconet.rules.load;

import dev.falconet.rules.diag.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads Falco rules files the way Falco's engine does, reporting every problem as a {@link Diagnostic}.
 *
 * <p>Pipeline, per file in order: read YAML ({@link YamlTreeReader}) → decode items ({@link ItemReader}) →
 * merge into one collection ({@link RuleCollection}) → compile the whole collection ({@link CollectionCompiler}:
 * exceptions, list substitution, parsing, macro resolution, unused checks). Like Falco, the collection is
 * compiled again after each file, so a rule that uses a macro only a later file defines is an error; the
 * result is the compilation after the last file. Unlike Falco, loading does not stop at the first error:
 * all problems are reported and a broken item is skipped. {@link #load} never throws.
 */
public final class RulesLoader {
    private final Set<String> sources;
    private final Predicate<String> fieldExists;

    /** A loader for {@code syscall} rules that does not check exception field names. */
    public RulesLoader() {
        this(null);
    }

    /**
     * @param fieldExists tells whether a field name used in an exception's {@code fields} exists (Falco
     *                    checks this when the rule is defined); null skips the check
     */
    public RulesLoader(Predicate<String> fieldExists) {
        this.sources = Set.of(RuleCollection.SYSCALL);
        this.fieldExists = fieldExists;
    }

    /** Loads the sources in order. */
    public LoadResult load(List<RulesSource> sourceList) {
        return load(sourceList, List.of());
    }

    /** Reads the files (a directory loads its {@code *.yaml}/{@code *.yml} files sorted) and loads them. */
    public LoadResult loadPaths(List<Path> paths) {
        RulesSource.Reading reading = RulesSource.readAll(paths);
        return load(reading.sources(), reading.diagnostics());
    }

    private LoadResult load(List<RulesSource> sourceList, List<Diagnostic> earlier) {
        DiagnosticSink sink = new DiagnosticSink();
        DiagnosticSink unused = new DiagnosticSink();
        RuleCollection collection = new RuleCollection(sources, fieldExists);
        CollectionCompiler compiler = new CollectionCompiler();
        CollectionCompiler.Output compiled = null;
        try {
            YamlReadAhead trees = new YamlReadAhead(sourceList);
            for (int i = 0; i < sourceList.size(); i++) {
                RulesSource src = sourceList.get(i);
                SourceFile file = new SourceFile(src.name(), src.text());
                YamlTreeReader.Result yaml = trees.get(i);
                if (yaml.error() != null) {
                    sink.error(LoadCodes.YAML_PARSE, file.span(yaml.error().mark().offset()), "", yaml.error().message());
                }
                List<Item> items = new ItemReader(file, sink).read(yaml.documents());
                for (Item item : items) collection.apply(item, sink);
                unused = new DiagnosticSink();
                compiled = compiler.compile(collection, sink, unused);
            }
            if (compiled == null) compiled = compiler.compile(collection, sink, unused);
            checkPlugins(collection, sink);
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: every stage reports problems as diagnostics; reaching this is a loader bug.
            sink.error(LoadCodes.VALIDATE, SourceSpan.UNKNOWN, "",
                    "internal error while loading rules (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            if (compiled == null) compiled = new CollectionCompiler.Output(List.of(), List.of(), List.of());
        }
        List<Diagnostic> all = new ArrayList<>(earlier);
        all.addAll(sink.list());
        all.addAll(unused.list());
        SemVer engine = collection.requiredEngineVersion();
        return new LoadResult(compiled.rules(), compiled.macros(), compiled.lists(), all,
                engine == null ? "" : engine.toString());
    }

    /** Falco checks {@code required_plugin_versions} against the loaded plugins once all files are read. */
    private static void checkPlugins(RuleCollection collection, DiagnosticSink sink) {
        Set<List<Item.PluginVersion>> seen = new HashSet<>();
        for (Item.PluginRequirement r : collection.pluginRequirements()) {
            if (!seen.add(r.alternatives())) continue;
            String problem = null;
            boolean satisfied = false;
            for (Item.PluginVersion alt : r.alternatives()) {
                String have = EngineInfo.BUILT_IN_PLUGINS.get(alt.name());
                if (have == null) continue;
                SemVer required = SemVer.parse(alt.version());
                if (required != null && SemVer.parse(have).compatibleWith(required)) {
                    satisfied = true;
                    break;
                }
                if (problem == null) {
                    problem = "Plugin '" + alt.name() + "' version '" + have
                            + "' is not compatible with required plugin version '" + alt.version() + "'";
                }
            }
            if (satisfied) continue;
            if (problem == null) {
                List<String> names = r.alternatives().stream().map(Item.PluginVersion::name).toList();
                problem = "Plugin '" + String.join("' or '", names) + "' is required but not loaded"
                        + " (built in: " + String.join(", ", new java.util.TreeSet<>(EngineInfo.BUILT_IN_PLUGINS.keySet())) + ")";
            }
            sink.error(LoadCodes.PLUGIN_REQUIREMENT, r.at(), r.label(), problem);
        }
    }
}
