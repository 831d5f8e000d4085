package dev.falconet.lab.prereq;

/**
 * The minikube driver the lab would use.
 *
 * @param driver  {@code docker}, {@code podman}, {@code kvm2}, or null when none is usable
 * @param usable  whether minikube can start a cluster with it
 * @param reason  why this driver was chosen, or why none can be
 * @param installHint what to do when none is usable, or null
 */
public record DriverStatus(String driver, boolean usable, String reason, String installHint) {}
