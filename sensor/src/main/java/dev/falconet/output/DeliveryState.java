package dev.falconet.output;

import java.util.Locale;

/** Where an alert is on its way to one output. {@link #SENT} and {@link #FAILED} are final. */
public enum DeliveryState {
    /** Accepted and stored (on disk for Telegram) waiting for its turn. */
    QUEUED,
    /** A request is in flight. */
    SENDING,
    /** The receiver accepted it (Telegram: with a message id). */
    SENT,
    /** The last attempt failed; another is scheduled. */
    RETRYING,
    /** Given up: the receiver refused this alert for good, or it could not be queued. */
    FAILED;

    /** Lower-case name used in JSON and text output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@link #SENT} and {@link #FAILED}. */
    public boolean isFinal() {
        return this == SENT || this == FAILED;
    }
}
