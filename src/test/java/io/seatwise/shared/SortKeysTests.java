package io.seatwise.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sort keys compare, as plain strings, in the order people expect of names (H2's users list, V10). */
class SortKeysTests {

    @Test
    void keysSortNamesInPeoplesOrderNotByCodePoint() {
        List<String> expected = List.of("anna", "Anna", "Åsa", "Émile", "Ezra", "Örjan", "Zoe", "Анна", "Борис",
                "ежов", "Ёлкин", "Яков", "陈静", "李娜", "刘洋", "王伟", "张伟");
        List<String> names = new ArrayList<>(expected);
        Collections.shuffle(names, new Random(11));

        names.sort(Comparator.comparing(SortKeys::of));

        assertThat(names).isEqualTo(expected);
        // What the database would otherwise do
        List<String> byCodePoint = new ArrayList<>(expected);
        Collections.sort(byCodePoint);
        assertThat(byCodePoint).isNotEqualTo(expected).startsWith("Anna", "Ezra", "Zoe", "anna");
    }

    @Test
    void differentNamesHaveDifferentKeysAndEqualNamesEqualOnes() {
        assertThat(SortKeys.of("anna")).isNotEqualTo(SortKeys.of("Anna")).isNotEqualTo(SortKeys.of("ánna"));
        assertThat(SortKeys.of("Ёлкин")).isEqualTo(SortKeys.of("Ёлкин"));
        // é written as e + combining acute sorts as the precomposed é
        assertThat(SortKeys.of("Émile")).isEqualTo(SortKeys.of("E\u0301mile"));
        assertThat(SortKeys.of(null)).isNull();
        assertThat(SortKeys.of("")).isNotNull();
    }
}
