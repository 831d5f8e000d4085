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
 */
public record Arg(String name, ArgType type, Object raw, String rendered) {
    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rendered, "rendered");
    }

    public static Arg num(String name, long value) {
        return new Arg(name, ArgType.INT, value, Long.toString(value));
    }

    public static Arg fd(String name, long value) {
        return new Arg(name, ArgType.FD, value, Long.toString(value));
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

    public Long rawLong() {
        return raw instanceof Long l ? l : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arg a && name.equals(a.name) && type == a.type && rendered.equals(a.rendered)
                && (raw instanceof byte[] b ? a.raw instanceof byte[] ab && Arrays.equals(b, ab) : Objects.equals(raw, a.raw));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, rendered);
    }
}
