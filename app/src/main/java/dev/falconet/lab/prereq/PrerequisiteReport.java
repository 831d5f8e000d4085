package dev.falconet.lab.prereq;

import java.util.List;
import java.util.Optional;

/** Every tool's status plus the chosen minikube driver. */
public record PrerequisiteReport(List<ToolStatus> tools, DriverStatus driver) {
    public PrerequisiteReport {
        tools = List.copyOf(tools);
    }

    /** True when every required tool works and a driver is usable: {@code lab up} can run. */
    public boolean ready() {
        return driver.usable() && tools.stream().filter(ToolStatus::required).allMatch(ToolStatus::usable);
    }

    public Optional<ToolStatus> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** One line per problem, each with its fix; empty when everything is fine. */
    public List<String> problems() {
        var out = new java.util.ArrayList<String>();
        for (ToolStatus t : tools) {
            // a missing second engine is no problem when the first one drives minikube
            if (!t.usable() && !(t.engine() && driver.usable())) {
                out.add((t.required() ? "" : "(optional) ") + t.name() + ": " + sentence(t.problem()) + " " + t.installHint());
            }
        }
        if (!driver.usable()) out.add("driver: " + sentence(driver.reason()) + " " + driver.installHint());
        return out;
    }

    /** The text ending with a full stop (tools' messages sometimes end with "?" already). */
    public static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }
}
