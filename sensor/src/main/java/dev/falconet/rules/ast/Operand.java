package dev.falconet.rules.ast;

import java.util.List;
import java.util.Objects;

/** The two sides of a check: fields, transformers, values, lists and {@code val()}. */
public sealed interface Operand permits Operand.Field, Operand.Transform, Operand.Value, Operand.ValueList, Operand.FieldValue {

    Pos pos();

    /** A field, with its optional argument: {@code proc.aname[2]}, {@code evt.arg.flags}, {@code evt.arg[0]}. */
    record Field(String name, String arg, Pos pos) implements Operand {
        public Field {
            Objects.requireNonNull(name, "name");
        }

        /** The field as written: {@code name} or {@code name[arg]}. */
        public String text() {
            return arg == null ? name : name + "[" + arg + "]";
        }
    }

    /** A transformer applied to operands: {@code tolower(proc.name)}. */
    record Transform(Transformer transformer, List<Operand> args, Pos pos) implements Operand {
        public Transform {
            Objects.requireNonNull(transformer, "transformer");
            args = List.copyOf(args);
        }
    }

    /** One constant value; {@code quoted} tells whether it was written in quotes (its text is unescaped). */
    record Value(String text, boolean quoted, Pos pos) implements Operand {
        public Value {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A parenthesised list of constant values: {@code (a, "b c", d)}; may be empty. */
    record ValueList(List<Value> items, Pos pos) implements Operand {
        public ValueList {
            items = List.copyOf(items);
        }
    }

    /** {@code val(field)}: compare against another field of the same event (right-hand side only). */
    record FieldValue(Operand field, Pos pos) implements Operand {
        public FieldValue {
            Objects.requireNonNull(field, "field");
        }
    }
}
