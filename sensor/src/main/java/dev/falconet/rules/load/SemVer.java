package dev.falconet.rules.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code major.minor.patch} version as Falco's engine reads it ({@code sscanf("%u.%u.%u")}: leading blanks
 * allowed, anything after the patch number ignored).
 */
record SemVer(long major, long minor, long patch) implements Comparable<SemVer> {
    private static final Pattern FORM = Pattern.compile("\\s*\\+?(\\d{1,10})\\.\\s*\\+?(\\d{1,10})\\.\\s*\\+?(\\d{1,10}).*", Pattern.DOTALL);
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    /** The version, or null when the text is not a valid semver. */
    static SemVer parse(String text) {
        if (text == null) return null;
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return null;
        long a = Long.parseLong(m.group(1)), b = Long.parseLong(m.group(2)), c = Long.parseLong(m.group(3));
        if (a > UINT_MAX || b > UINT_MAX || c > UINT_MAX) return null;
        return new SemVer(a, b, c);
    }

    /** Falco's rule: same major version and at least the required one. */
    boolean compatibleWith(SemVer required) {
        return major == required.major && compareTo(required) >= 0;
    }

    @Override
    public int compareTo(SemVer o) {
        if (major != o.major) return Long.compare(major, o.major);
        if (minor != o.minor) return Long.compare(minor, o.minor);
        return Long.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
