package dev.falconet.rules.load;

import dev.falconet.rules.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Test helper: loads YAML texts named f1.yaml, f2.yaml, ... and picks diagnostics apart. */
final class Loading {
    private Loading() {}

    static LoadResult load(String... files) {
        List<RulesSource> src = new ArrayList<>();
        for (int i = 0; i < files.length; i++) src.add(new RulesSource("f" + (i + 1) + ".yaml", files[i]));
        return new RulesLoader().load(src);
    }

    static List<String> errors(LoadResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
    }

    static List<String> warnings(LoadResult r) {
        return r.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::message).toList();
    }

    static List<String> codes(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    static String rule(String name, String condition) {
        return "- rule: " + name + "\n  desc: d\n  condition: " + condition + "\n  output: o\n  priority: WARNING\n";
    }

    static String macro(String name, String condition) {
        return "- macro: " + name + "\n  condition: " + condition + "\n";
    }

    static String list(String name, String items) {
        return "- list: " + name + "\n  items: " + items + "\n";
    }
}
