package dev.falconet.rules.ast;

/** Comparison operators of the condition language, with their spelling. */
public enum Op {
    EQ("="), EQEQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    CONTAINS("contains"), ICONTAINS("icontains"), BCONTAINS("bcontains"),
    STARTSWITH("startswith"), BSTARTSWITH("bstartswith"), ENDSWITH("endswith"),
    IN("in"), INTERSECTS("intersects"), PMATCH("pmatch"),
    GLOB("glob"), IGLOB("iglob"), REGEX("regex"), EXISTS("exists");

    private final String text;

    Op(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Operators whose right-hand side is a list. */
    public boolean takesList() {
        return this == IN || this == INTERSECTS || this == PMATCH;
    }

    /** Ordering operators, whose right-hand side must be a number. */
    public boolean isOrdering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    public static Op fromText(String text) {
        for (Op op : values()) if (op.text.equals(text)) return op;
        return null;
    }
}
