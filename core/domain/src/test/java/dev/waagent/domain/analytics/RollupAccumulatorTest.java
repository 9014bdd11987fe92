package dev.waagent.domain.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollupAccumulatorTest {

    @Test
    void theNinetyFifthPercentileIsTheNearestRank() {
        assertThat(RollupAccumulator.percentile95(List.of())).isZero();
        assertThat(RollupAccumulator.percentile95(List.of(7L))).isEqualTo(7);
        // 20 values: rank ceil(0.95 * 20) = 19.
        assertThat(RollupAccumulator.percentile95(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList())).isEqualTo(19);
    }

    @Test
    void questionsAreCountedOnceWhateverTheirCaseOrPunctuation() {
        assertThat(RollupAccumulator.normalize("What are your HOURS??")).isEqualTo(RollupAccumulator.normalize("what are your hours"));
        assertThat(RollupAccumulator.isQuestion("kitne baje khulte ho")).isTrue();
        assertThat(RollupAccumulator.isQuestion("thanks")).isFalse();
    }
}
