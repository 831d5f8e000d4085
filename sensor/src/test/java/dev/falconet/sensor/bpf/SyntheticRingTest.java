package dev.falconet.sensor.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warm-up's ring in plain memory, read by the ring consumer's own code. */
class SyntheticRingTest {
    private final List<Long> seen = new ArrayList<>();

    private void record(MemorySegment r) {
        seen.add(r.get(ValueLayout.JAVA_LONG_UNALIGNED, 0) * 1000 + r.byteSize());
    }

    private static MemorySegment rec(Arena a, long id, int size) {
        MemorySegment s = a.allocate(size, 8);
        s.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, id);
        return s;
    }

    @Test
    void theConsumerReadsCommittedRecordsInOrderAndSkipsDiscardedOnes() {
        try (Arena a = Arena.ofConfined(); SyntheticRing ring = new SyntheticRing(4096)) {
            RingConsumer c = ring.consumer(this::record, 1000);
            assertThat(ring.offer(rec(a, 1, 88))).isTrue();
            assertThat(ring.offer(rec(a, 2, 100), SyntheticRing.DISCARDED)).isTrue();
            assertThat(ring.offer(rec(a, 3, 13))).isTrue();
            assertThat(c.drainOnce()).isEqualTo(2);
            assertThat(seen).containsExactly(1088L, 3013L);
        }
    }

    @Test
    void aBusyRecordStopsTheReaderUntilTheNextOfferCommitsIt() {
        try (Arena a = Arena.ofConfined(); SyntheticRing ring = new SyntheticRing(4096)) {
            RingConsumer c = ring.consumer(this::record, 1000);
            ring.offer(rec(a, 1, 88));
            ring.offer(rec(a, 2, 88), SyntheticRing.BUSY);
            assertThat(ring.readerAtBusy()).isFalse();
            assertThat(c.drainOnce()).isEqualTo(1);
            assertThat(ring.readerAtBusy()).isTrue();
            assertThat(c.drainOnce()).isZero();
            ring.offer(rec(a, 3, 88));
            assertThat(c.drainOnce()).isEqualTo(2);
            assertThat(seen).containsExactly(1088L, 2088L, 3088L);
        }
    }

    @Test
    void aFullRingRefusesUntilTheReaderFreesRoomAndRecordsWrapAround() {
        try (Arena a = Arena.ofConfined(); SyntheticRing ring = new SyntheticRing(4096)) {
            RingConsumer c = ring.consumer(this::record, 1000);
            int accepted = 0;
            while (ring.offer(rec(a, accepted, 120))) accepted++;
            assertThat(accepted).isEqualTo(4096 / 128); // 120 bytes + 8-byte header, 8-aligned
            assertThat(c.drainOnce()).isEqualTo(accepted);
            // many times round the ring, with sizes that do not divide it
            for (int i = 0; i < 1000; i++) {
                assertThat(ring.offer(rec(a, i, 88 + i % 50))).isTrue();
                if (i % 7 == 6) c.drainOnce();
            }
            c.drainOnce();
            assertThat(seen).hasSize(accepted + 1000);
            for (int i = 0; i < 1000; i++) assertThat(seen.get(accepted + i)).isEqualTo(i * 1000L + 88 + i % 50);
        }
    }

    @Test
    void theSizeMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new SyntheticRing(3000)).isInstanceOf(IllegalArgumentException.class);
    }
}
