package dev.waagent.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {

    @Test
    void zeroPaddingWritesWhatStringFormatWrote() {
        for (long value : new long[]{0, 7, 1_764_990_000L, 9_999_999_999L, 12_345_678_901L, -42}) {
            assertThat(Keys.zeroPadded(value, 10)).isEqualTo(String.format("%010d", value));
            assertThat(Keys.zeroPadded(value, 13)).isEqualTo(String.format("%013d", value));
        }
    }

    @Test
    void messageKeysSortByTimeThenId() {
        assertThat(Keys.message(Instant.ofEpochSecond(5), "wamid.b"))
                .isEqualTo("M#0000000005#wamid.b")
                .isLessThan(Keys.message(Instant.ofEpochSecond(1_764_990_000L), "wamid.a"));
    }
}
