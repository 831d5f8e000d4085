package dev.falconet.rules.diag;

public enum Severity {
    ERROR, WARNING;

    public String lower() {
        return this == ERROR ? "error" : "warning";
    }
}
