package dev.falconet.sensor.pipeline;

import dev.falconet.event.Event;
import java.util.function.Consumer;

/**
 * The end of the sensor pipeline: what receives each event after the state and enrich stages
 * (the rule evaluation, a capture writer, a printer). Called on the consumer thread, one event
 * at a time; the event's thread and fd objects are the live state, valid during the call.
 */
public interface EventSink extends Consumer<Event>, AutoCloseable {
    /** Alerts produced so far (for --stats); 0 for sinks that do not evaluate rules. */
    default long alerts() {
        return 0;
    }

    /**
     * Whether this sink reads events of this type ({@link dev.falconet.event.EventTypes} id). The pipeline
     * keeps the state for every record but builds no event that no sink wants.
     */
    default boolean wants(int eventType) {
        return true;
    }

    /**
     * A sink that does this one's work on an event with no effect outside itself (no output, no file), for the
     * JIT warm-up's made-up events ({@link SensorPipeline#warmUp}); null when there is nothing to rehearse.
     */
    default EventSink rehearsal() {
        return null;
    }

    /** Called when the pipeline stops: flush and release. */
    @Override
    default void close() {}

    /** A sink that sends each event to every one of these, in order. */
    static EventSink all(java.util.List<EventSink> sinks) {
        java.util.List<EventSink> list = java.util.List.copyOf(sinks);
        return new EventSink() {
            @Override
            public void accept(Event e) {
                for (EventSink s : list) s.accept(e);
            }

            @Override
            public boolean wants(int eventType) {
                for (EventSink s : list) if (s.wants(eventType)) return true;
                return false;
            }

            @Override
            public long alerts() {
                long n = 0;
                for (EventSink s : list) n += s.alerts();
                return n;
            }

            @Override
            public EventSink rehearsal() {
                java.util.List<EventSink> r = new java.util.ArrayList<>();
                for (EventSink s : list) {
                    EventSink x = s.rehearsal();
                    if (x != null) r.add(x);
                }
                return r.isEmpty() ? null : all(r);
            }

            @Override
            public void close() {
                for (EventSink s : list) s.close();
            }
        };
    }
}
