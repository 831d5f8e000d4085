package dev.falconet.output;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fans delivery statuses out to subscribed listeners; a listener that throws is logged and kept. */
public final class DeliveryEvents implements DeliveryListener {
    private static final System.Logger LOG = System.getLogger(DeliveryEvents.class.getName());
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();

    /** Subscribes {@code listener}; returns a handle that unsubscribes it. */
    public AutoCloseable subscribe(DeliveryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void onStatus(DeliveryStatus status) {
        for (DeliveryListener l : listeners) {
            try {
                l.onStatus(status);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "delivery listener failed: " + e);
            }
        }
    }
}
