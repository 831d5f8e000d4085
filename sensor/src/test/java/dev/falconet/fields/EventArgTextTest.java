package dev.falconet.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.event.Arg;
import dev.falconet.event.Event;
import dev.falconet.event.EventTypes;
import dev.falconet.event.ThreadTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code evt.arg.X} and {@code evt.args} with and without a resolved text, as libsinsp gives them:
 * the resolved text when there is one, the plain value otherwise (the live decoder renders flags
 * with no bit set as "", the event factory as "0"; both must read the same).
 */
class EventArgTextTest {
    private final FieldRegistry registry = FieldRegistry.standard();

    private Object extract(String name, String arg, Event e) {
        BindResult r = registry.bind(name, arg, UseContext.OUTPUT);
        assertThat(r.error()).isNull();
        return r.field().extract(e);
    }

    private static Event dup3(Arg flags) {
        ThreadTable threads = new ThreadTable();
        return new Event(1, 1, EventTypes.id("dup3"), 1, List.of(Arg.num("res", 1), Arg.fd("oldfd", 3), Arg.fd("newfd", 1), flags),
                threads.getOrCreate(100), null, 0);
    }

    @Test
    void flagsWithoutResolvedTextReadAsTheirValue() {
        Event noFlags = dup3(Arg.flags("flags", 0, ""));
        assertThat(extract("evt.arg", "flags", noFlags)).isEqualTo("0");
        assertThat(extract("evt.arg", "3", noFlags)).isEqualTo("0");
        assertThat(extract("evt.args", null, noFlags)).isEqualTo("res=1 oldfd=3 newfd=1 flags=0");
    }

    @Test
    void resolvedTextWinsAndShowsInParenthesesInEvtArgs() {
        Event cloexec = dup3(Arg.flags("flags", 524288, "O_CLOEXEC"));
        assertThat(extract("evt.arg", "flags", cloexec)).isEqualTo("O_CLOEXEC");
        assertThat(extract("evt.args", null, cloexec)).isEqualTo("res=1 oldfd=3 newfd=1 flags=524288(O_CLOEXEC)");
        assertThat(extract("evt.arg", "flags", dup3(Arg.flags("flags", 0, "0")))).isEqualTo("0");
    }
}
