package dev.falconet.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fan-out every command feeds: each alert goes to every sink, in order. A sink that throws is logged
 * and skipped for that alert; the others still get it. Sinks that report delivery publish to
 * {@link #deliveryEvents()}, where the app (or {@code --delivery-status}) subscribes.
 */
public final class Outputs implements AlertSink {
    private static final System.Logger LOG = System.getLogger(Outputs.class.getName());
    private final List<AlertSink> sinks = new CopyOnWriteArrayList<>();
    private final DeliveryEvents deliveryEvents;

    /** A fan-out over {@code sinks}, publishing delivery statuses to {@code deliveryEvents}. */
    public Outputs(List<? extends AlertSink> sinks, DeliveryEvents deliveryEvents) {
        this.sinks.addAll(sinks);
        this.deliveryEvents = deliveryEvents;
    }

    /** A fan-out over {@code sinks} with its own delivery event hub. */
    public static Outputs of(AlertSink... sinks) {
        return new Outputs(List.of(sinks), new DeliveryEvents());
    }

    /** Adds a sink (e.g. the app's alert feed); it receives every later alert. */
    public void add(AlertSink sink) {
        sinks.add(sink);
    }

    /** The delivery statuses of every reporting sink. */
    public DeliveryEvents deliveryEvents() {
        return deliveryEvents;
    }

    /** The sinks, in order. */
    public List<AlertSink> sinks() {
        return List.copyOf(sinks);
    }

    @Override
    public void accept(Alert alert) {
        for (AlertSink s : sinks) {
            try {
                s.accept(alert);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "output " + s.name() + " dropped alert " + alert.uuid() + ": " + e.getMessage());
            }
        }
    }

    /** Closes every sink, last added first; each waits for its own pending deliveries within its limit. */
    @Override
    public void close() {
        List<AlertSink> reversed = new ArrayList<>(sinks);
        java.util.Collections.reverse(reversed);
        for (AlertSink s : reversed) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing output " + s.name() + " failed: " + e.getMessage());
            }
        }
    }

    @Override
    public String name() {
        return "outputs";
    }
}
