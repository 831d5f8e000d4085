package dev.falconet.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * One syscall parameter of an exit event, as libsinsp names it ({@code evt.arg.<name>}).
 *
 * <p>{@code rendered} is what {@code evt.arg.X} returns (for example {@code O_RDONLY|O_CLOEXEC}
 * for open flags, {@code AF_PACKET} for a socket domain, a path for a path argument);
 * {@code raw} is the typed value behind it ({@code evt.rawarg.X}): a {@link Long} for numbers,
 * flags, fds and modes, a {@link String} for text, a {@code byte[]} for buffers, or null when
 * the parameter has no raw form.
 *
 * <p>A value class with a record's accessors. Plain numbers and fds ({@link #num}, {@link #fd})
 * render their decimal text on first use only: most parameters are never shown, and an event's
 * memory is what evaluation pays for most (the engine reads events that are no longer in cache).
 */
public final class Arg {
    private final String name;
    private final ArgType type;
    private final Object raw;
    /** Null until first asked for, for a decimal number rendered lazily. */
    private String rendered;

    public Arg(String name, ArgType type, Object raw, String rendered) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.raw = raw;
        this.rendered = Objects.requireNonNull(rendered, "rendered");
    }

    /** A number whose rendering is its decimal text, made on first use. */
    private Arg(String name, ArgType type, long value) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.raw = value;
    }

    public static Arg num(String name, long value) {
        return new Arg(name, ArgType.INT, value);
    }

    public static Arg fd(String name, long value) {
        return new Arg(name, ArgType.FD, value);
    }

    public static Arg text(String name, String value) {
        return new Arg(name, ArgType.CHARBUF, value, value);
    }

    public static Arg path(String name, String value) {
        return new Arg(name, ArgType.FSPATH, value, value);
    }

    /** Flags or an enum-like value: the raw number and its symbolic rendering. */
    public static Arg flags(String name, long raw, String rendered) {
        return new Arg(name, ArgType.FLAGS, raw, rendered);
    }

    public static Arg bytes(String name, byte[] value) {
        return new Arg(name, ArgType.BYTEBUF, value.clone(), ArgRendering.bytes(value));
    }

    public String name() {
        return name;
    }

    public ArgType type() {
        return type;
    }

    public Object raw() {
        return raw;
    }

    public String rendered() {
        String r = rendered;
        if (r == null) {
            // a String is immutable: a racing second rendering is harmless
            r = Long.toString((Long) raw);
            rendered = r;
        }
        return r;
    }

    public Long rawLong() {
        return raw instanceof Long l ? l : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arg a && name.equals(a.name) && type == a.type && rendered().equals(a.rendered())
                && (raw instanceof byte[] b ? a.raw instanceof byte[] ab && Arrays.equals(b, ab) : Objects.equals(raw, a.raw));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, rendered());
    }

    @Override
    public String toString() {
        String shown = raw instanceof byte[] b ? Arrays.toString(b) : String.valueOf(raw);
        return "Arg[name=" + name + ", type=" + type + ", raw=" + shown + ", rendered=" + rendered() + "]";
    }
}
