package dev.falconet.sensor.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathNamesTest {
    @Test
    void resolvesAndNormalizes() {
        assertThat(PathNames.resolve("/home/u", "x.txt")).isEqualTo("/home/u/x.txt");
        assertThat(PathNames.resolve("/home/u", "/etc/../etc/../etc/shadow")).isEqualTo("/etc/shadow");
        assertThat(PathNames.resolve("/tmp", "../../..//etc/./passwd")).isEqualTo("/etc/passwd");
        assertThat(PathNames.resolve("", "rel")).isEqualTo("/rel");
        assertThat(PathNames.normalize("/..")).isEqualTo("/");
        assertThat(PathNames.basename("/usr/bin/cat")).isEqualTo("cat");
    }
}
