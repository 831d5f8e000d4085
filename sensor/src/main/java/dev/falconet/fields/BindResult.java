package dev.falconet.fields;

import java.util.Objects;

/** The outcome of binding a field use: the bound field, or Falco's error message. */
public record BindResult(BoundField field, String error) {
    public BindResult {
        if ((field == null) == (error == null)) throw new IllegalArgumentException("exactly one of field and error");
    }

    public static BindResult ok(BoundField field) {
        return new BindResult(Objects.requireNonNull(field), null);
    }

    public static BindResult error(String message) {
        return new BindResult(null, Objects.requireNonNull(message));
    }

    public boolean isOk() {
        return field != null;
    }
}
