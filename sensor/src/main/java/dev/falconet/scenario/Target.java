package dev.falconet.scenario;

/** Where a step runs: a pod of the lab cluster, a local container of the scenario, or the host. */
public sealed interface Target {
    /**
     * The pod of a deployment in a namespace. The minikube backend execs into it; the podman backend runs a
     * local container for it and tells the sensor it is that pod.
     */
    record Pod(String namespace, String deployment) implements Target {
        @Override
        public String toString() {
            return "pod " + namespace + "/" + deployment;
        }
    }

    /** A local podman container of the scenario, by its short name (podman backend only). */
    record Container(String name) implements Target {
        @Override
        public String toString() {
            return "container " + name;
        }
    }

    /** The machine the sensor runs on. */
    record Host() implements Target {
        @Override
        public String toString() {
            return "host";
        }
    }
}
