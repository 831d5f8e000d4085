package dev.falconet.app.ui.guide;

import dev.falconet.app.ui.i18n.I18n;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The Guide's diagrams, drawn from shapes: boxes, group frames and arrows on a fixed-size pane. Colours come
 * from the theme (CSS classes in app.css), texts that need translating from the resource bundles; names of
 * programs (kube-apiserver, libbpf) stay as they are in every language.
 */
final class Diagrams {
    private Diagrams() {}

    /** The diagram called {@code name} (one of {@link dev.falconet.app.guide.GuideDocument#DIAGRAMS}). */
    static Node build(String name, I18n i18n) {
        Canvas c = new Canvas(i18n);
        switch (name) {
            case "kubernetes" -> kubernetes(c);
            case "tools" -> tools(c);
            case "falco" -> falco(c);
            case "falconet" -> falconet(c);
            case "rule" -> rule(c);
            default -> throw new IllegalArgumentException("no diagram " + name);
        }
        c.pane.setId("guide-diagram-" + name);
        return c.pane;
    }

    private static void kubernetes(Canvas c) {
        c.size(760, 300);
        c.box(10, 120, 110, 50, c.t("guide.diagram.you"), "diagram-actor");
        c.group(150, 10, 290, 280, c.t("guide.diagram.controlplane"));
        c.box(170, 45, 250, 44, c.plain("kube-apiserver"), "diagram-accent");
        c.box(170, 110, 115, 44, c.plain("etcd"), null);
        c.box(305, 110, 115, 44, c.plain("kube-scheduler"), null);
        c.box(170, 175, 250, 44, c.plain("kube-controller-manager"), null);
        c.box(170, 235, 250, 40, c.plain("cloud-controller-manager"), "diagram-faint");
        c.group(480, 10, 270, 280, c.t("guide.diagram.node"));
        c.box(500, 45, 230, 44, c.plain("kubelet"), "diagram-accent");
        c.box(500, 105, 110, 40, c.plain("kube-proxy"), null);
        c.box(620, 105, 110, 40, c.t("guide.diagram.runtime"), null);
        c.box(500, 165, 70, 50, c.plain("Pod"), "diagram-pod");
        c.box(580, 165, 70, 50, c.plain("Pod"), "diagram-pod");
        c.box(660, 165, 70, 50, c.plain("Pod"), "diagram-pod");
        c.box(500, 230, 230, 44, c.t("guide.diagram.kernel"), "diagram-faint");
        c.arrow(120, 145, 170, 70);
        c.label(116, 100, c.plain("API"));
        c.arrow(240, 89, 227, 110);
        c.arrow(350, 89, 362, 110);
        c.arrow(295, 175, 295, 89);
        c.arrow(420, 67, 500, 67);
        c.arrow(675, 145, 675, 165);
    }

    private static void tools(Canvas c) {
        c.size(760, 230);
        c.box(10, 20, 160, 50, c.plain("minikube"), "diagram-accent");
        c.box(10, 90, 160, 50, c.plain("kubectl"), "diagram-accent");
        c.box(10, 160, 160, 50, c.plain("helm"), "diagram-accent");
        c.box(230, 160, 170, 50, c.t("guide.diagram.chart"), null);
        c.group(460, 10, 290, 210, c.t("guide.diagram.cluster"));
        c.box(480, 45, 250, 44, c.t("guide.diagram.vm"), "diagram-faint");
        c.box(480, 105, 250, 44, c.plain("kube-apiserver"), null);
        c.box(480, 165, 250, 44, c.t("guide.diagram.objects"), "diagram-pod");
        c.arrow(170, 45, 480, 67);
        c.label(180, 34, c.t("guide.diagram.creates"));
        c.arrow(170, 115, 480, 127);
        c.label(180, 104, c.t("guide.diagram.apicalls"));
        c.arrow(170, 185, 230, 185);
        c.arrow(400, 185, 480, 140);
        c.label(395, 150, c.t("guide.diagram.renders"));
        c.arrow(605, 149, 605, 165);
    }

    private static void falco(Canvas c) {
        c.size(760, 250);
        c.label(10, 18, c.t("guide.diagram.userspace"));
        c.label(400, 232, c.t("guide.diagram.kernelspace"));
        c.divider(0, 196, 760);
        c.box(10, 205, 130, 36, c.t("guide.diagram.driver"), "diagram-accent");
        c.box(180, 205, 190, 36, c.t("guide.diagram.syscalls"), "diagram-actor");
        c.box(10, 130, 130, 44, c.t("guide.diagram.ring"), null);
        c.box(170, 130, 140, 44, c.plain("libscap / libsinsp"), null);
        c.box(170, 40, 140, 50, c.t("guide.diagram.metadata"), "diagram-faint");
        c.box(340, 130, 120, 44, c.t("guide.diagram.engine"), "diagram-accent");
        c.box(340, 40, 120, 50, c.t("guide.diagram.rulesfiles"), "diagram-faint");
        c.box(490, 130, 110, 44, c.t("guide.diagram.outputs"), null);
        c.box(630, 130, 120, 44, c.plain("falcosidekick"), null);
        c.box(630, 40, 120, 50, c.plain("Telegram"), "diagram-pod");
        c.arrow(180, 223, 140, 223);
        c.arrow(75, 205, 75, 174);
        c.arrow(140, 152, 170, 152);
        c.arrow(240, 90, 240, 130);
        c.arrow(310, 152, 340, 152);
        c.arrow(400, 90, 400, 130);
        c.arrow(460, 152, 490, 152);
        c.arrow(600, 152, 630, 152);
        c.arrow(690, 130, 690, 90);
    }

    private static void falconet(Canvas c) {
        c.size(760, 290);
        c.label(10, 130, c.t("guide.diagram.sensor"));
        c.divider(0, 240, 760);
        c.label(400, 275, c.t("guide.diagram.kernelspace"));
        c.box(10, 248, 160, 36, c.t("guide.diagram.probe"), "diagram-accent");
        c.box(10, 170, 160, 44, c.t("guide.diagram.ring"), null);
        c.box(200, 170, 160, 44, c.t("guide.diagram.decoder"), null);
        c.box(200, 95, 160, 44, c.t("guide.diagram.enrich"), "diagram-faint");
        c.box(390, 170, 160, 44, c.t("guide.diagram.engine"), "diagram-accent");
        c.box(580, 170, 170, 44, c.t("guide.diagram.outputs"), null);
        c.group(300, 2, 450, 84, c.t("guide.diagram.app"));
        c.box(320, 34, 150, 42, c.t("guide.diagram.replay"), "diagram-pod");
        c.box(580, 34, 150, 42, c.t("guide.diagram.feed"), "diagram-pod");
        c.arrow(90, 248, 90, 214);
        c.arrow(170, 192, 200, 192);
        c.arrow(280, 139, 280, 170);
        c.arrow(360, 192, 390, 192);
        c.arrow(550, 192, 580, 192);
        c.arrow(395, 76, 470, 170);
        c.arrow(665, 170, 655, 76);
        c.label(545, 128, c.t("guide.diagram.loopback"));
    }

    private static void rule(Canvas c) {
        c.size(760, 200);
        c.box(10, 75, 140, 50, c.plain("rule"), "diagram-accent");
        c.box(200, 10, 150, 40, c.plain("condition"), null);
        c.box(200, 60, 150, 40, c.plain("output"), null);
        c.box(200, 110, 150, 40, c.plain("priority"), null);
        c.box(200, 160, 150, 36, c.plain("exceptions"), null);
        c.box(410, 10, 150, 40, c.plain("macro"), "diagram-pod");
        c.box(600, 10, 150, 40, c.plain("list"), "diagram-pod");
        c.box(410, 60, 340, 40, c.t("guide.diagram.fields"), "diagram-faint");
        c.box(410, 110, 340, 40, c.t("guide.diagram.severity"), "diagram-faint");
        c.box(410, 160, 340, 36, c.t("guide.diagram.except"), "diagram-faint");
        for (int y : new int[] {30, 80, 130, 178}) c.arrow(150, 100, 200, y);
        c.arrow(350, 30, 410, 30);
        c.arrow(560, 30, 600, 30);
        c.arrow(350, 80, 410, 80);
        c.arrow(350, 130, 410, 130);
        c.arrow(350, 178, 410, 178);
    }

    /** A fixed-size pane and the shapes drawn on it. */
    private static final class Canvas {
        final Pane pane = new Pane();
        final I18n i18n;

        Canvas(I18n i18n) {
            this.i18n = i18n;
            pane.getStyleClass().add("diagram");
        }

        void size(double w, double h) {
            pane.setMinSize(w, h);
            pane.setPrefSize(w, h);
            pane.setMaxSize(w, h);
        }

        ObservableValue<String> t(String key) {
            return i18n.text(key);
        }

        ObservableValue<String> plain(String s) {
            return new javafx.beans.property.SimpleStringProperty(s);
        }

        void box(double x, double y, double w, double h, ObservableValue<String> text, String style) {
            Rectangle r = new Rectangle(x, y, w, h);
            r.setArcWidth(10);
            r.setArcHeight(10);
            r.getStyleClass().add("diagram-box");
            if (style != null) r.getStyleClass().add(style);
            Text t = new Text();
            t.textProperty().bind(text);
            t.getStyleClass().add("diagram-text");
            t.setWrappingWidth(w - 8);
            t.setTextAlignment(TextAlignment.CENTER);
            t.setTextOrigin(VPos.CENTER);
            t.setX(x + 4);
            // centred vertically whatever the number of lines
            t.layoutBoundsProperty().addListener((o, a, b) -> t.setY(y + h / 2 - (b.getHeight() - t.getFont().getSize() * 1.3) / 2));
            t.setY(y + h / 2);
            pane.getChildren().addAll(r, t);
        }

        void group(double x, double y, double w, double h, ObservableValue<String> title) {
            Rectangle r = new Rectangle(x, y, w, h);
            r.setArcWidth(14);
            r.setArcHeight(14);
            r.getStyleClass().add("diagram-group");
            Text t = new Text();
            t.textProperty().bind(title);
            t.getStyleClass().addAll("diagram-text", "diagram-title");
            t.setX(x + 10);
            t.setY(y + 20);
            pane.getChildren().addAll(r, t);
        }

        void label(double x, double y, ObservableValue<String> text) {
            Text t = new Text();
            t.textProperty().bind(text);
            t.getStyleClass().addAll("diagram-text", "diagram-note");
            t.setX(x);
            t.setY(y);
            pane.getChildren().add(t);
        }

        void divider(double x, double y, double w) {
            Line l = new Line(x, y, x + w, y);
            l.getStyleClass().add("diagram-divider");
            pane.getChildren().add(l);
        }

        void arrow(double x1, double y1, double x2, double y2) {
            Line l = new Line(x1, y1, x2, y2);
            l.getStyleClass().add("diagram-arrow");
            double a = Math.atan2(y2 - y1, x2 - x1);
            double s = 8;
            Polygon head = new Polygon(x2, y2,
                    x2 - s * Math.cos(a - Math.PI / 7), y2 - s * Math.sin(a - Math.PI / 7),
                    x2 - s * Math.cos(a + Math.PI / 7), y2 - s * Math.sin(a + Math.PI / 7));
            head.getStyleClass().add("diagram-arrowhead");
            pane.getChildren().addAll(l, head);
        }
    }
}
