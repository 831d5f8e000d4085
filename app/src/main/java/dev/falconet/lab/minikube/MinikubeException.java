package dev.falconet.lab.minikube;

import dev.falconet.lab.LabException;

/** A minikube command failed; the message holds minikube's reason and suggestions. */
public final class MinikubeException extends LabException {
    private final transient MinikubeFailure failure;

    public MinikubeException(String action, MinikubeFailure failure) {
        super(action + " failed: " + failure.describe());
        this.failure = failure;
    }

    public MinikubeFailure failure() {
        return failure;
    }
}
