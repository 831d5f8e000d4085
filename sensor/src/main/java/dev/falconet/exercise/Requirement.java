package dev.falconet.exercise;

import java.util.List;

/**
 * Something the student's rules file itself must contain, beyond behaving right on the captures: the
 * exercise is about writing a list, a macro or exceptions, not just any condition that passes.
 */
public sealed interface Requirement permits Requirement.DefinesList, Requirement.DefinesMacro, Requirement.HasExceptions {

    /** What is required, as the student reads it, in {@code lang} ("en" or "ru"). */
    String describe(String lang);

    /** The student's file defines a list with this name. */
    record DefinesList(String name) implements Requirement {
        public String describe(String lang) {
            return Words.pick(lang, "define a list named '" + name + "'", "определить список с именем '" + name + "'");
        }
    }

    /** The student's file defines a macro with this name. */
    record DefinesMacro(String name) implements Requirement {
        public String describe(String lang) {
            return Words.pick(lang, "define a macro named '" + name + "'", "определить макрос с именем '" + name + "'");
        }
    }

    /** The rule has exceptions comparing (at least) these fields. */
    record HasExceptions(String rule, List<String> fields) implements Requirement {
        public HasExceptions {
            fields = List.copyOf(fields);
        }

        public String describe(String lang) {
            return Words.pick(lang, "give rule '" + rule + "' exceptions on " + String.join(", ", fields),
                    "задать правилу '" + rule + "' исключения по полям " + String.join(", ", fields));
        }
    }
}
