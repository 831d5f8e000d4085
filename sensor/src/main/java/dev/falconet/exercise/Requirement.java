package dev.falconet.exercise;

import java.util.List;

/**
 * Something the student's rules file itself must contain, beyond behaving right on the captures: the
 * exercise is about writing a list, a macro or exceptions, not just any condition that passes.
 */
public sealed interface Requirement permits Requirement.DefinesList, Requirement.DefinesMacro, Requirement.HasExceptions {

    /** What is required, as the student reads it. */
    String describe();

    /** The student's file defines a list with this name. */
    record DefinesList(String name) implements Requirement {
        public String describe() {
            return "define a list named '" + name + "'";
        }
    }

    /** The student's file defines a macro with this name. */
    record DefinesMacro(String name) implements Requirement {
        public String describe() {
            return "define a macro named '" + name + "'";
        }
    }

    /** The rule has exceptions comparing (at least) these fields. */
    record HasExceptions(String rule, List<String> fields) implements Requirement {
        public HasExceptions {
            fields = List.copyOf(fields);
        }

        public String describe() {
            return "give rule '" + rule + "' exceptions on " + String.join(", ", fields);
        }
    }
}
