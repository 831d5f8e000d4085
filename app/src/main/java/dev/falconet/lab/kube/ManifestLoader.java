package dev.falconet.lab.kube;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a multi-document YAML manifest into Kubernetes objects. Every problem is reported with the
 * file, the document's line, the object ({@code Deployment nginx-deployment}) and the field
 * ({@code spec.replicas}), instead of a parser stack trace.
 */
public final class ManifestLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public List<HasMetadata> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), text);
    }

    /** Parses manifest text; {@code name} is used in messages. */
    public List<HasMetadata> parse(String name, String text) {
        var out = new ArrayList<HasMetadata>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
            int index = 0;
            while (true) {
                JsonLocation loc = docs.getParser().currentLocation();
                JsonNode doc;
                try {
                    if (!docs.hasNextValue()) break;
                    loc = docs.getParser().currentLocation();
                    doc = docs.nextValue();
                } catch (JsonProcessingException e) {
                    JsonLocation where = e.getLocation() == null ? loc : e.getLocation();
                    throw new ManifestException(name + ":" + where.getLineNr() + ": not valid YAML: " + e.getOriginalMessage(), e);
                }
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode()) continue;
                out.add(toObject(name, index, loc.getLineNr(), doc));
            }
        } catch (IOException e) {
            throw new ManifestException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        if (out.isEmpty()) throw new ManifestException(name + ": no Kubernetes objects in this file");
        return out;
    }

    private HasMetadata toObject(String file, int index, int line, JsonNode doc) {
        String where = file + ":" + line + " (document " + index + ")";
        if (!doc.isObject()) throw new ManifestException(where + ": expected a Kubernetes object (a mapping), found " + doc.getNodeType());
        String kind = text(doc, "kind");
        String name = doc.path("metadata").path("name").asText(null);
        String label = (kind == null ? "object" : kind) + " " + (name == null ? "(unnamed)" : name);
        if (text(doc, "apiVersion") == null) throw missing(where, label, "apiVersion");
        if (kind == null) throw missing(where, label, "kind");
        if (name == null || name.isBlank()) throw missing(where, label, "metadata.name");
        KubernetesResource r;
        try {
            r = serialization.convertValue((ObjectNode) doc, KubernetesResource.class);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(where + ", " + label + ": " + fieldProblem(e), e);
        }
        if (!(r instanceof HasMetadata hm)) {
            throw new ManifestException(where + ", " + label + ": not an object kubectl could apply (" + r.getClass().getSimpleName() + ")");
        }
        return hm;
    }

    private static ManifestException missing(String where, String label, String field) {
        return new ManifestException(where + ", " + label + ": field " + field + " is missing");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /** "field spec.replicas: Cannot deserialize value of type int from String "abc"". */
    static String fieldProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException de && !de.getPath().isEmpty()) {
                var path = new StringBuilder();
                for (var ref : de.getPath()) {
                    if (ref.getFieldName() != null) {
                        if (!path.isEmpty()) path.append('.');
                        path.append(ref.getFieldName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                String msg = de.getOriginalMessage();
                int nl = msg.indexOf('\n');
                return "field " + path + ": " + (nl < 0 ? msg : msg.substring(0, nl));
            }
        }
        return e.getMessage();
    }
}
