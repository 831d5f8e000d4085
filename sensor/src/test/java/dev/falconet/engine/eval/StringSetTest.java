package dev.falconet.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StringSetTest {
    @Test
    void answersLikeAHashSet() {
        Random rnd = new Random(1);
        for (int round = 0; round < 200; round++) {
            List<String> values = new ArrayList<>();
            int n = 1 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) values.add(word(rnd));
            if (round % 7 == 0) values.add("x".repeat(70 + rnd.nextInt(5)));
            values.add(values.getFirst()); // duplicates are fine
            Set<String> expected = new HashSet<>(values);
            StringSet set = new StringSet(values);
            for (String v : values) assertThat(set.contains(v)).isTrue();
            for (int i = 0; i < 200; i++) {
                String probe = i % 3 == 0 ? values.get(rnd.nextInt(values.size())) + "z" : word(rnd);
                assertThat(set.contains(probe)).as(probe).isEqualTo(expected.contains(probe));
            }
            assertThat(set.contains("x".repeat(200))).isFalse();
            assertThat(set.contains("")).isEqualTo(expected.contains(""));
        }
    }

    @Test
    void valuesThatAreNotStringsAreNeverIn() {
        StringSet set = new StringSet(List.of("1", "2"));
        assertThat(set.test(1L, null)).isFalse();
        assertThat(set.test(List.of("1"), null)).isFalse();
        assertThat(set.test("2", null)).isTrue();
    }

    private static String word(Random rnd) {
        int len = rnd.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append((char) ('a' + rnd.nextInt(4)));
        return sb.toString();
    }
}
