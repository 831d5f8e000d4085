package dev.falconet.rules.load;

import dev.falconet.rules.Priority;
import java.util.List;
import java.util.Set;

/**
 * Stage 2 output: one top-level item of a rules file, decoded and checked on its own, ready to be merged
 * into the collection (stage 3). {@code at} is the item's position; {@code label} names it in diagnostics.
 */
sealed interface Item {
    SourceSpan at();

    String label();

    /** {@code required_engine_version}. */
    record EngineRequirement(SemVer version, SourceSpan at) implements Item {
        public String label() {
            return "required_engine_version";
        }
    }

    /** One entry of {@code required_plugin_versions}: the plugin and its alternatives. */
    record PluginRequirement(List<PluginVersion> alternatives, SourceSpan at) implements Item {
        public String label() {
            return "required_plugin_versions";
        }
    }

    record PluginVersion(String name, String version) {
        // written out: a record's generated equals/hashCode are linked through invokedynamic on first use,
        // a few milliseconds of a cold load that hashes these once
        @Override
        public boolean equals(Object o) {
            return o instanceof PluginVersion p && java.util.Objects.equals(name, p.name) && java.util.Objects.equals(version, p.version);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(name) + java.util.Objects.hashCode(version);
        }
    }

    /** A list definition, or an append to an existing list. */
    record ListDef(String name, List<String> items, boolean append, SourceSpan at) implements Item {
        public String label() {
            return "list '" + name + "'";
        }
    }

    /** A macro definition, or an append to an existing macro's condition. */
    record MacroDef(String name, TracedText condition, boolean append, SourceSpan at, SourceSpan conditionAt)
            implements Item {
        public String label() {
            return "macro '" + name + "'";
        }
    }

    /** A full rule definition. */
    record RuleDef(String name, TracedText condition, String output, String desc, Priority priority, String source,
                   boolean enabled, Set<String> tags, List<ExceptionSpec> exceptions, boolean capture,
                   long captureDuration, boolean warnEvttypes, boolean skipIfUnknownFilter,
                   SourceSpan at, SourceSpan conditionAt, SourceSpan outputAt) implements Item {
        public String label() {
            return "rule '" + name + "'";
        }
    }

    /**
     * An update of an existing rule: {@code override} append or replace, or the deprecated {@code append: true}.
     * Null components are not updated.
     */
    record RuleUpdate(String name, Mode mode, TracedText condition, String output, String desc, Set<String> tags,
                      List<ExceptionSpec> exceptions, Priority priority, Boolean enabled, Boolean capture,
                      Long captureDuration, Boolean warnEvttypes, Boolean skipIfUnknownFilter, SourceSpan at)
            implements Item {
        enum Mode { APPEND, REPLACE }

        public String label() {
            return "rule '" + name + "'";
        }

        boolean hasAnyValue() {
            return condition != null || output != null || desc != null || tags != null || exceptions != null
                    || priority != null || enabled != null || capture != null || captureDuration != null
                    || warnEvttypes != null || skipIfUnknownFilter != null;
        }
    }

    /** The deprecated standalone {@code enabled}: switches an existing rule on or off. */
    record RuleEnable(String name, boolean enabled, SourceSpan at) implements Item {
        public String label() {
            return "rule '" + name + "'";
        }
    }

    /**
     * One rule exception. {@code fields} and {@code comps} are null when not given. Each value is one
     * {@link ExceptionValue}: a scalar, or a tuple whose elements may themselves be lists.
     */
    record ExceptionSpec(String name, ExceptionValue fields, ExceptionValue comps, List<ExceptionValue> values,
                         SourceSpan at) {
        ExceptionSpec withComps(ExceptionValue c) {
            return new ExceptionSpec(name, fields, c, values, at);
        }
    }

    /** A scalar ({@code items == null}) or a list of values. */
    record ExceptionValue(String item, List<ExceptionValue> items) {
        static ExceptionValue scalar(String s) {
            return new ExceptionValue(s, null);
        }

        static ExceptionValue list(List<ExceptionValue> items) {
            return new ExceptionValue("", List.copyOf(items));
        }

        boolean isList() {
            return items != null;
        }

        /** Falco's "is valid": a non-empty scalar or a non-empty list. */
        boolean isValid() {
            return isList() ? !items.isEmpty() : !item.isEmpty();
        }
    }
}
