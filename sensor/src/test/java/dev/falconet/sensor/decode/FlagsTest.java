package dev.falconet.sensor.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlagsTest {
    @Test
    void openFlagsConvertAndRenderInLibsinspOrder() {
        assertThat(Flags.OPEN.render(Flags.openFlagsToPpm(0))).isEqualTo("O_RDONLY");
        assertThat(Flags.OPEN.render(Flags.openFlagsToPpm(2 | 0100 | 01000))).isEqualTo("O_TRUNC|O_CREAT|O_RDWR");
        assertThat(Flags.OPEN.render(Flags.openFlagsToPpm(0200000 | 02000000 | 04000))).isEqualTo("O_DIRECTORY|O_NONBLOCK|O_RDONLY|O_CLOEXEC");
        assertThat(Flags.openFlagsToPpm(04010000)).isEqualTo(Flags.PPM_O_RDONLY | Flags.PPM_O_SYNC);
    }

    @Test
    void exeFlagsAndEmptyFlags() {
        assertThat(Flags.EXE.render(Flags.EXE_WRITABLE | Flags.EXE_UPPER_LAYER | Flags.EXE_FROM_MEMFD))
                .isEqualTo("EXE_WRITABLE|EXE_UPPER_LAYER|EXE_FROM_MEMFD");
        assertThat(Flags.EXE.render(0)).isEmpty();
        assertThat(Flags.EXE.render(Flags.EXE_LOWER_LAYER)).isEqualTo("EXE_LOWER_LAYER");
    }

    @Test
    void familiesAreExactMatchesWithAliases() {
        assertThat(Flags.SOCKET_FAMILY.render(16)).isEqualTo("AF_ROUTE|AF_NETLINK");
        assertThat(Flags.SOCKET_FAMILY.render(10)).isEqualTo("AF_INET6");
        assertThat(Flags.SOCKET_FAMILY.render(2)).isEqualTo("AF_INET");
    }

    @Test
    void capabilitiesAsNames() {
        assertThat(Flags.capabilities((1L << 16) | (1L << 21))).isEqualTo("CAP_SYS_MODULE CAP_SYS_ADMIN");
        assertThat(Flags.capabilities(0)).isEmpty();
    }
}
