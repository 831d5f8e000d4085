package dev.falconet.lab.minikube;

import java.util.List;
import java.util.Locale;

/**
 * How far {@code minikube start} is, read from its output: each milestone minikube prints (driver chosen,
 * node starting, image pulled, container created, Kubernetes prepared, components verified, addons,
 * done) moves the bar to a fixed fraction. Lines that are no milestone leave it where it is.
 */
public final class StartProgress {
    private record Milestone(String text, double fraction) {}

    // in the order minikube prints them (v1.3x); "Restarting existing" replaces "Creating" on a resume
    private static final List<Milestone> MILESTONES = List.of(
            new Milestone("using the ", 0.08),
            new Milestone("starting \"", 0.15),
            new Milestone("starting control plane", 0.15),
            new Milestone("pulling base image", 0.25),
            new Milestone("downloading kubernetes", 0.30),
            new Milestone("creating ", 0.40),
            new Milestone("restarting existing", 0.40),
            new Milestone("updating the running", 0.40),
            new Milestone("preparing kubernetes", 0.60),
            new Milestone("generating certificates", 0.65),
            new Milestone("booting up control plane", 0.70),
            new Milestone("configuring rbac", 0.75),
            new Milestone("configuring bridge cni", 0.78),
            new Milestone("verifying kubernetes components", 0.85),
            new Milestone("enabled addons", 0.95),
            new Milestone("done!", 1.0));

    private double fraction;

    /** The fraction reached so far (0 before the first milestone). */
    public double fraction() {
        return fraction;
    }

    /** Reads one output line; returns the fraction reached (never going back). */
    public double line(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        for (Milestone m : MILESTONES) {
            if (l.contains(m.text()) && m.fraction() > fraction) fraction = m.fraction();
        }
        return fraction;
    }
}
