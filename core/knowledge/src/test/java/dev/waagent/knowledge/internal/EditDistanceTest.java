package dev.waagent.knowledge.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {

    @Test
    void countsEditsAndAdjacentSwapsAsOne() {
        assertThat(EditDistance.bounded("innova", "inova", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("the", "teh", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("deposit", "deposite", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("gimbal", "gimbal", 2)).isZero();
    }

    @Test
    void stopsAtTheBoundWithBoundPlusOne() {
        assertThat(EditDistance.bounded("camera", "tripod", 2)).isEqualTo(3);
        assertThat(EditDistance.bounded("a", "abcdef", 2)).isEqualTo(3);
    }
}
