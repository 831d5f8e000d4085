package dev.falconet.output;

/**
 * Receives every {@link DeliveryStatus} of every alert on outputs that report delivery (Telegram, HTTP).
 * Called from delivery threads: return quickly and do not throw.
 */
@FunctionalInterface
public interface DeliveryListener {
    void onStatus(DeliveryStatus status);
}
