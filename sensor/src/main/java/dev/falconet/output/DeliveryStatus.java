package dev.falconet.output;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of an alert's delivery to one output: queued → sending → sent (message id) | retrying (reason,
 * next attempt) | failed (reason). Never holds a secret: reasons are redacted by the output that makes them.
 *
 * @param alertUuid   the alert's {@link Alert#uuid()}
 * @param output      the output ({@code telegram}, {@code http})
 * @param state       the new state
 * @param attempt     1 for the first send, 0 before any send
 * @param messageId   the receiver's id for the delivered message ({@link DeliveryState#SENT} on Telegram), else null
 * @param reason      why it is retrying or failed, else null
 * @param nextAttempt when the next attempt is due ({@link DeliveryState#RETRYING}), else null
 * @param at          when this step happened
 */
public record DeliveryStatus(String alertUuid, String output, DeliveryState state, int attempt, Long messageId,
                             String reason, Instant nextAttempt, Instant at) {
    public DeliveryStatus {
        Objects.requireNonNull(alertUuid, "alertUuid");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    /** One JSON line: {@code {"delivery":{"uuid":..,"output":..,"state":..,...}}}. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", alertUuid);
        m.put("output", output);
        m.put("state", state.label());
        m.put("attempt", attempt);
        if (messageId != null) m.put("message_id", messageId);
        if (reason != null) m.put("reason", reason);
        if (nextAttempt != null) m.put("next_attempt", nextAttempt.toString());
        m.put("time", at.toString());
        return FalcoJson.write(Map.of("delivery", m));
    }

    /** One readable line: {@code <uuid> telegram sent (message 42)}. */
    public String toText() {
        StringBuilder sb = new StringBuilder().append(alertUuid).append(' ').append(output).append(' ').append(state.label());
        if (messageId != null) sb.append(" (message ").append(messageId).append(')');
        if (attempt > 1) sb.append(" attempt ").append(attempt);
        if (reason != null) sb.append(": ").append(reason);
        if (nextAttempt != null) sb.append("; next attempt at ").append(nextAttempt);
        return sb.toString();
    }
}
