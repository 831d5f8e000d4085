package dev.falconet.lab.kube;

/**
 * What applying one object did, as kubectl reports it.
 *
 * @param object the object
 * @param action {@code created}, {@code configured} or {@code unchanged}
 */
public record AppliedObject(ObjectRef object, String action) {
    /** {@code deployment.apps/ubuntu-deployment created}, kubectl's line. */
    public String kubectlLine() {
        return object.kubectlName() + " " + action;
    }
}
