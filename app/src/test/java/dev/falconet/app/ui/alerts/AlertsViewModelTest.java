package dev.falconet.app.ui.alerts;

import static dev.falconet.app.alerts.AlertFilterTest.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.output.Alert;
import dev.falconet.rules.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsViewModelTest {
    private final ObservableList<Alert> feed = FXCollections.observableArrayList();
    private final AlertsViewModel vm = new AlertsViewModel(feed);

    @Test
    void newAlertsAppearAndFillTheFilterChoices() {
        feed.addAll(alert("B rule", Priority.NOTICE, "prod", "x"), alert("A rule", Priority.CRITICAL, "secured-ns", "y"));
        assertThat(vm.shown()).hasSize(2);
        assertThat(vm.rules()).containsExactly("A rule", "B rule");
        assertThat(vm.namespaces()).containsExactly("prod", "secured-ns");
    }

    @Test
    void filtersCombineAndApplyToAlertsArrivingLater() {
        vm.minPriorityProperty().set(Priority.WARNING);
        vm.textProperty().set("shadow");
        feed.addAll(alert("r", Priority.CRITICAL, "prod", "read /etc/shadow"), alert("r", Priority.NOTICE, "prod", "read /etc/shadow"),
                alert("r", Priority.CRITICAL, "prod", "read /etc/hosts"));
        assertThat(vm.shown()).singleElement().extracting(Alert::priority).isEqualTo(Priority.CRITICAL);
        vm.clearFilters();
        assertThat(vm.shown()).hasSize(3);
    }

    @Test
    void theDetailPaneListsEveryFieldWithMissingValuesMarked() {
        Alert a = alert("r", Priority.ERROR, "prod", "m");
        feed.add(a);
        vm.selectedProperty().set(a);
        assertThat(vm.details()).extracting(AlertsViewModel.Field::name).startsWith("time", "rule", "priority").contains("proc.name", "k8s.ns.name");
        assertThat(vm.details()).filteredOn(f -> f.name().equals("fd.name")).extracting(AlertsViewModel.Field::value).containsExactly("<NA>");
    }

    @Test
    void exportWritesTheShownAlertsAsFalcoJsonLines(@TempDir Path dir) throws Exception {
        feed.addAll(alert("keep", Priority.ERROR, "prod", "m"), alert("drop", Priority.ERROR, "prod", "m"));
        vm.ruleProperty().set("keep");
        Path f = dir.resolve("out.json");
        vm.export(f);
        assertThat(Files.readAllLines(f)).singleElement().asString().contains("\"rule\":\"keep\"");
        assertThat(vm.messageProperty().get().key()).isEqualTo("alerts.exported");
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhy(@TempDir Path dir) {
        vm.export(dir.resolve("no/such/dir/out.json"));
        assertThat(vm.messageProperty().get().key()).isEqualTo("alerts.export.failed");
    }
}
