package dev.falconet.app.ui.alerts;

import dev.falconet.app.alerts.AlertExport;
import dev.falconet.app.alerts.AlertFilter;
import dev.falconet.app.i18n.Msg;
import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.rules.Priority;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Alerts page: the session's feed filtered by rule, priority, namespace and text; the selected
 * alert's fields; export as JSON lines.
 */
public final class AlertsViewModel {
    /** One row of the detail pane. */
    public record Field(String name, String value) {}

    private final ObservableList<Alert> feed;
    private final FilteredList<Alert> shown;
    private final StringProperty rule = new SimpleStringProperty("");
    private final ObjectProperty<Priority> minPriority = new SimpleObjectProperty<>();
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObjectProperty<Alert> selected = new SimpleObjectProperty<>();
    private final ObservableList<Field> details = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> message = new SimpleObjectProperty<>();

    public AlertsViewModel(ObservableList<Alert> feed) {
        this.feed = feed;
        this.shown = new FilteredList<>(feed);
        rule.addListener((o, a, b) -> refilter());
        minPriority.addListener((o, a, b) -> refilter());
        namespace.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> details.setAll(fields(b)));
        feed.addListener((ListChangeListener<Alert>) c -> refreshChoices());
        refreshChoices();
    }

    public ObservableList<Alert> shown() {
        return shown;
    }

    public StringProperty ruleProperty() {
        return rule;
    }

    public ObjectProperty<Priority> minPriorityProperty() {
        return minPriority;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Rule names seen in the feed, sorted, for the rule filter. */
    public ObservableList<String> rules() {
        return rules;
    }

    /** Namespaces seen in the feed, sorted. */
    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ObjectProperty<Alert> selectedProperty() {
        return selected;
    }

    public ObservableList<Field> details() {
        return details;
    }

    public ReadOnlyObjectProperty<Msg> messageProperty() {
        return message;
    }

    /** The filter as it stands. */
    public AlertFilter filter() {
        return new AlertFilter(rule.get(), minPriority.get(), namespace.get(), text.get());
    }

    public void clearFilters() {
        rule.set("");
        minPriority.set(null);
        namespace.set("");
        text.set("");
    }

    /** Writes the alerts shown (filtered) as Falco JSON lines. */
    public void export(Path file) {
        try {
            AlertExport.writeJsonLines(List.copyOf(shown), file);
            message.set(Msg.of("alerts.exported", shown.size(), file.toString()));
        } catch (IOException e) {
            message.set(Msg.of("alerts.export.failed", file.toString(), String.valueOf(e.getMessage())));
        }
    }

    private void refilter() {
        AlertFilter f = filter();
        shown.setPredicate(f::test);
    }

    private void refreshChoices() {
        TreeSet<String> r = new TreeSet<>();
        TreeSet<String> ns = new TreeSet<>();
        for (Alert a : feed) {
            r.add(a.rule());
            String n = AlertFilter.namespaceOf(a);
            if (!n.isEmpty()) ns.add(n);
        }
        if (!r.equals(new TreeSet<>(rules))) rules.setAll(r);
        if (!ns.equals(new TreeSet<>(namespaces))) namespaces.setAll(ns);
    }

    /** Every field of an alert, Falco's JSON keys first, then the output fields. */
    static List<Field> fields(Alert a) {
        List<Field> out = new ArrayList<>();
        if (a == null) return out;
        out.add(new Field("time", AlertFormats.isoTime(a.timeNanos())));
        out.add(new Field("rule", a.rule()));
        out.add(new Field("priority", a.priority().display()));
        out.add(new Field("source", a.source()));
        out.add(new Field("hostname", a.hostname()));
        out.add(new Field("tags", String.join(", ", a.tags())));
        out.add(new Field("uuid", a.uuid()));
        out.add(new Field("output", a.output()));
        for (Map.Entry<String, Object> e : a.outputFields().entrySet()) {
            out.add(new Field(e.getKey(), e.getValue() == null ? "<NA>" : e.getValue().toString()));
        }
        return out;
    }
}
