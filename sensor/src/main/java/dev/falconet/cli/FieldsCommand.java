package dev.falconet.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.falconet.fields.FieldDef;
import dev.falconet.fields.FieldRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code falconet fields [--json]}: every field the engine knows, with its type and description. */
@Command(name = "fields",
        mixinStandardHelpOptions = true,
        description = "List every field rules can use (conditions and outputs), with its type and description.",
        footer = {"", "Exit codes: 0 ok, 2 usage."})
public final class FieldsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print a JSON array of {name, type, description}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FieldRegistry registry = FieldRegistry.standard();
        if (json) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartArray();
                for (FieldDef d : registry.all()) {
                    g.writeStartObject();
                    g.writeStringField("name", d.name());
                    g.writeStringField("type", d.type().name());
                    g.writeStringField("description", description(d));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            out.println(sw);
        } else {
            String currentClass = null;
            for (FieldDef d : byClass(registry)) {
                if (!d.fieldClass().equals(currentClass)) {
                    if (currentClass != null) out.println();
                    currentClass = d.fieldClass();
                    out.println("Field class: " + currentClass);
                }
                out.printf("  %-42s %-8s %s%n", displayName(d), d.type().name(), description(d));
            }
            out.println();
            out.println(registry.all().size() + " fields.");
        }
        out.flush();
        return FalconetCli.EXIT_OK;
    }

    private static java.util.List<FieldDef> byClass(FieldRegistry registry) {
        java.util.List<String> preferred = java.util.List.of("evt", "process", "user", "group", "fd", "fs.path", "container", "k8s", "k8smeta");
        java.util.List<FieldDef> out = new java.util.ArrayList<>();
        for (String c : preferred) for (FieldDef d : registry.all()) if (d.fieldClass().equals(c)) out.add(d);
        for (FieldDef d : registry.all()) if (!preferred.contains(d.fieldClass())) out.add(d);
        return out;
    }

    /** The name with its argument form: {@code proc.aname[N]}, {@code proc.env[NAME]}, {@code evt.arg.NAME}. */
    static String displayName(FieldDef d) {
        if (d.name().equals("evt.arg")) return "evt.arg.NAME|evt.arg[N]";
        if (d.name().equals("evt.rawarg")) return "evt.rawarg.NAME";
        return switch (d.argKind()) {
            case NONE -> d.name();
            case INDEX -> d.name() + "[N]";
            case KEY -> d.name() + "[NAME]";
            case INDEX_OR_KEY -> d.name() + "[N|NAME]";
            case INDEX_OR_NONE -> d.name() + "[N]?";
            case KEY_OR_NONE -> d.name() + "[NAME]?";
            case INDEX_OR_KEY_OR_NONE -> d.name() + "[N|NAME]?";
        };
    }

    private static String description(FieldDef d) {
        String s = d.description();
        if (d.deprecated() && !s.toLowerCase(java.util.Locale.ROOT).contains("deprecated")) s = "[deprecated] " + s;
        if (d.filterOnly()) s = s + " (conditions only)";
        return s;
    }
}
