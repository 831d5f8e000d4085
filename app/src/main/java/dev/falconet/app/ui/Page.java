package dev.falconet.app.ui;

/**
 * The pages of the left navigation, in order. Each has a stable id (saved as the last page) and the
 * resource-bundle key of its title.
 */
public enum Page {
    LAB("lab", "nav.lab"),
    SCENARIOS("scenarios", "nav.scenarios"),
    RULES("rules", "nav.rules"),
    EXERCISES("exercises", "nav.exercises"),
    ALERTS("alerts", "nav.alerts"),
    GUIDE("guide", "nav.guide"),
    SETTINGS("settings", "nav.settings");

    private final String id;
    private final String titleKey;

    Page(String id, String titleKey) {
        this.id = id;
        this.titleKey = titleKey;
    }

    public String id() {
        return id;
    }

    public String titleKey() {
        return titleKey;
    }

    /** The page with this id, or the Lab page. */
    public static Page byId(String id) {
        for (Page p : values()) if (p.id.equals(id)) return p;
        return LAB;
    }
}
