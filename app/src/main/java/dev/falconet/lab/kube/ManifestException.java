package dev.falconet.lab.kube;

import dev.falconet.lab.LabException;

/** A manifest file cannot be used: the message names the file, the object and the field. */
public final class ManifestException extends LabException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
