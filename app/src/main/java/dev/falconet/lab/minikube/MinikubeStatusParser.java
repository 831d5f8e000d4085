package dev.falconet.lab.minikube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code minikube status} output: the JSON form ({@code -o json}, an object, or an array for
 * multi-node clusters), the plain text form ({@code host: Running}), and the "profile not found"
 * message minikube prints instead when there is no cluster.
 */
public final class MinikubeStatusParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MinikubeStatusParser() {}

    public static MinikubeStatus parse(String profile, String stdout, String stderr) {
        String all = stdout + "\n" + stderr;
        if (all.contains("not found") && all.toLowerCase(Locale.ROOT).contains("profile")) {
            return nonexistent(profile);
        }
        Map<String, String> fields = readFields(stdout.strip());
        if (fields.isEmpty()) {
            String text = all.strip();
            return new MinikubeStatus(profile, null, null, null, null, ClusterState.UNKNOWN,
                    text.isEmpty() ? "minikube status printed nothing" : "cannot read minikube status: " + firstLine(text));
        }
        String host = fields.get("host");
        String kubelet = fields.get("kubelet");
        String api = fields.get("apiserver");
        String kubeconfig = fields.get("kubeconfig");
        String name = fields.getOrDefault("name", profile);
        if ("Nonexistent".equalsIgnoreCase(host)) return nonexistent(name);
        ClusterState state = derive(host, kubelet, api, kubeconfig);
        return new MinikubeStatus(name, host, kubelet, api, kubeconfig, state, explain(name, state, kubeconfig));
    }

    private static MinikubeStatus nonexistent(String profile) {
        return new MinikubeStatus(profile, "Nonexistent", "Nonexistent", "Nonexistent", "Nonexistent",
                ClusterState.NONEXISTENT, "no cluster named '" + profile + "' yet: run 'falconet lab up' (minikube start)");
    }

    private static ClusterState derive(String host, String kubelet, String api, String kubeconfig) {
        if (host == null) return ClusterState.UNKNOWN;
        if ("Stopped".equalsIgnoreCase(host)) return ClusterState.STOPPED;
        if (!"Running".equalsIgnoreCase(host)) return ClusterState.UNKNOWN;
        if ("Paused".equalsIgnoreCase(api)) return ClusterState.PAUSED;
        boolean up = "Running".equalsIgnoreCase(kubelet) && "Running".equalsIgnoreCase(api);
        return up ? ClusterState.RUNNING : ClusterState.DEGRADED;
    }

    private static String explain(String name, ClusterState state, String kubeconfig) {
        return switch (state) {
            case RUNNING -> "Misconfigured".equalsIgnoreCase(kubeconfig)
                    ? "cluster '" + name + "' runs but kubectl points elsewhere: run 'minikube update-context'"
                    : "cluster '" + name + "' is running";
            case DEGRADED -> "cluster '" + name + "' is up but not all components run yet (still starting, or broken: "
                    + "'minikube logs' tells)";
            case PAUSED -> "cluster '" + name + "' is paused: run 'minikube unpause'";
            case STOPPED -> "cluster '" + name + "' is stopped: run 'falconet lab up' (minikube start)";
            case NONEXISTENT -> "no cluster named '" + name + "'";
            case UNKNOWN -> "cluster '" + name + "' is in an unknown state";
        };
    }

    /** Field name (lower case) to value, from the JSON or the text form; empty when neither. */
    private static Map<String, String> readFields(String out) {
        var fields = new LinkedHashMap<String, String>();
        if (out.startsWith("{") || out.startsWith("[")) {
            try {
                JsonNode n = JSON.readTree(out);
                if (n.isArray()) n = n.size() > 0 ? n.get(0) : null;
                if (n != null && n.isObject()) {
                    n.properties().forEach(e -> fields.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
                }
            } catch (java.io.IOException e) {
                return Map.of();
            }
            return fields;
        }
        boolean first = true;
        for (String line : out.split("\n")) {
            int c = line.indexOf(':');
            if (c > 0) {
                fields.put(line.substring(0, c).strip().toLowerCase(Locale.ROOT), line.substring(c + 1).strip());
            } else if (first && !line.isBlank()) {
                fields.put("name", line.strip());
            }
            first = false;
        }
        return fields.containsKey("host") ? fields : Map.of();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
