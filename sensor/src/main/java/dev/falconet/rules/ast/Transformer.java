package dev.falconet.rules.ast;

/** Field transformers: {@code tolower(f)}, {@code toupper(f)}, {@code b64(f)}, {@code basename(f)}, {@code len(f)}. */
public enum Transformer {
    TOLOWER("tolower"), TOUPPER("toupper"), B64("b64"), BASENAME("basename"), LEN("len");

    private final String text;

    Transformer(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Transformer fromText(String text) {
        for (Transformer t : values()) if (t.text.equals(text)) return t;
        return null;
    }
}
