package dev.falconet.output.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real kill -9 of a delivering JVM, then a restart on the same spool (the full-size run is bench/telegram.sh durability). */
class KillNineTest {
    @TempDir
    Path spool;

    @Test
    void aKilledProcessLeavesNothingUndeliveredOrRepeatedUnmarked() throws Exception {
        int n = 120;
        try (FakeBotApi api = new FakeBotApi()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process first = feeder(java, api.port(), n);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (api.posted().size() < n / 3 && first.isAlive() && System.nanoTime() < deadline) Thread.sleep(2);
            first.destroyForcibly().waitFor(); // SIGKILL, mid-delivery
            assertThat(api.posted().size()).as("killed while delivering").isLessThan(n);

            Process second = feeder(java, api.port(), 0);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("restarted process drains the spool").isTrue();

            List<FakeBotApi.Posted> posted = api.posted();
            Map<Integer, Integer> times = new HashMap<>();
            int last = -1;
            for (FakeBotApi.Posted p : posted) {
                int num = Integer.parseInt(p.shown().replaceAll("(?s).*alert number (\\d+)\n.*", "$1"));
                if (times.merge(num, 1, Integer::sum) > 1) assertThat(p.shown()).startsWith(TelegramSink.DUPLICATE_NOTICE);
                assertThat(num).isGreaterThanOrEqualTo(last);
                last = num;
            }
            assertThat(times).hasSize(n);
            assertThat(posted.size() - n).isLessThanOrEqualTo(1);
        }
    }

    /** A child JVM that spools {@code n} numbered alerts and delivers until its spool is empty (C1 only: it starts faster). */
    private Process feeder(String java, int port, int n) throws java.io.IOException {
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), TelegramBench.class.getName(),
                "feeder", Integer.toString(port), spool.toString(), Integer.toString(n))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
