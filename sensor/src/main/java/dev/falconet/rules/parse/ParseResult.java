package dev.falconet.rules.parse;

import dev.falconet.rules.ast.Expr;

/** The outcome of parsing one condition: exactly one of {@code expr} and {@code error} is non-null. */
public record ParseResult(Expr expr, ParseError error) {
    public ParseResult {
        if ((expr == null) == (error == null)) throw new IllegalArgumentException("exactly one of expr and error");
    }

    public boolean ok() {
        return expr != null;
    }
}
