package dev.falconet.exercise;

import dev.falconet.event.Event;
import dev.falconet.fields.BoundField;
import dev.falconet.fields.FieldRegistry;
import dev.falconet.fields.UseContext;

/**
 * An event as a report shows it: its number, type, process and file, and for a false alarm the alert line.
 *
 * @param num      evt.num
 * @param type     evt.type
 * @param procName proc.name ({@code <NA>} when unknown)
 * @param fdName   fd.name ({@code <NA>} when the event has no file descriptor)
 * @param alert    the alert's text line, or null when the event did not alert
 */
public record EventSummary(long num, String type, String procName, String fdName, String alert) {
    private static final BoundField PROC_NAME = bind("proc.name");
    private static final BoundField FD_NAME = bind("fd.name");

    static EventSummary of(Event e, String alert) {
        return new EventSummary(e.num(), e.typeName(), value(PROC_NAME, e), value(FD_NAME, e), alert);
    }

    private static String value(BoundField f, Event e) {
        return FieldRegistry.renderValue(f.extract(e));
    }

    private static BoundField bind(String name) {
        return FieldRegistry.standard().bind(name, null, UseContext.OUTPUT).field();
    }

    /** {@code event 4 (openat, proc.name=cat, fd.name=/etc/shadow)}; "событие 4 (...)" in Russian. */
    public String describe(String lang) {
        return Words.pick(lang, "event ", "событие ") + details();
    }

    /** {@code 4 (openat, proc.name=cat, fd.name=/etc/shadow)}. */
    public String details() {
        return num + " (" + type + ", proc.name=" + procName + ", fd.name=" + fdName + ")";
    }
}
