package dev.falconet.sensor.live;

import dev.falconet.event.Event;
import dev.falconet.event.ThreadInfo;
import dev.falconet.sensor.bpf.Preflight;
import dev.falconet.sensor.pipeline.EventSink;
import dev.falconet.sensor.pipeline.SensorPipeline;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Helpers for tests that run the real probe: skip when it cannot run, snapshot events, run commands. */
final class SensorTestSupport {
    private SensorTestSupport() {}

    /** Skips the test (with the reason) when the probe cannot run here. */
    static void assumeSensorCanRun() {
        Optional<Preflight.Problem> p = Preflight.check();
        assumeTrue(p.isEmpty(), () -> "live eBPF test skipped: " + p.get().message());
    }

    /** What an event said at the time it happened (threads are mutable state). */
    record Seen(String type, long res, String args, String comm, long tid, long pid, String exepath, List<String> procArgs,
                String pname, String aname2, String aname3, String user, long loginUid, String fdName, String fdNameRaw,
                String fdType, String container, String containerName, String imageRepo, boolean upperLayer, Event event) {
        String arg(String name) {
            var a = event.arg(name);
            return a == null ? null : a.rendered();
        }
    }

    static Seen snapshot(Event e) {
        ThreadInfo t = e.thread();
        ThreadInfo p = t.ancestor(1), a2 = t.ancestor(2), a3 = t.ancestor(3);
        StringBuilder args = new StringBuilder();
        for (var a : e.args()) args.append(a.name()).append('=').append(a.rendered()).append(' ');
        return new Seen(e.typeName(), e.res(), args.toString().strip(), t.comm(), t.tid(), t.pid(), t.exepath(), t.args(),
                p == null ? null : p.comm(), a2 == null ? null : a2.comm(), a3 == null ? null : a3.comm(), t.userName(),
                t.loginUid(), e.fd() == null ? null : e.fd().name(), e.fd() == null ? null : e.fd().nameRaw(),
                e.fd() == null ? null : e.fd().type().falcoName(), t.container() == null ? "host" : t.container().id(),
                t.container() == null ? null : t.container().name(), t.container() == null ? null : t.container().imageRepository(),
                t.exeUpperLayer(), e);
    }

    /** A sink keeping snapshots of every event. */
    static final class Collector implements EventSink {
        final List<Seen> seen = new ArrayList<>();

        @Override
        public void accept(Event e) {
            seen.add(snapshot(e));
        }

        List<Seen> matching(Predicate<Seen> p) {
            return seen.stream().filter(p).toList();
        }
    }

    static SensorPipeline pipeline(EventSink sink) {
        var notices = new PrintStream(new ByteArrayOutputStream());
        return new SensorPipeline(SensorPipeline.Config.defaults(notices), sink);
    }

    /** Runs a command to completion; returns its exit code. */
    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("command did not finish: " + String.join(" ", cmd));
        }
        return p.exitValue();
    }

    /** Drains until the predicate matches an event or the timeout passes. */
    static List<Seen> await(SensorPipeline pipeline, Collector c, Predicate<Seen> p, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            pipeline.drainOnce();
            List<Seen> m = c.matching(p);
            if (!m.isEmpty() || System.nanoTime() > end) return m;
            Thread.sleep(20);
        }
    }
}
