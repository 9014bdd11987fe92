package dev.waagent.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportArithmeticTest {

    @Test
    void percentilesOfOneToOneThousandMillisecondsAreTheOrderStatisticsWithinHdrPrecision() {
        Histogram micros = LatencySummary.newHistogram();
        for (int ms = 1; ms <= 1_000; ms++) {
            micros.recordValue(ms * 1_000L);
        }

        LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.count()).isEqualTo(1_000);
        assertThat(summary.p50()).isCloseTo(500.0, within(0.5));
        assertThat(summary.p90()).isCloseTo(900.0, within(0.9));
        assertThat(summary.p99()).isCloseTo(990.0, within(1.0));
        assertThat(summary.max()).isCloseTo(1_000.0, within(1.0));
        assertThat(summary.mean()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void aSingleSlowRequestShowsInMaxButNotInP99() {
        Histogram micros = LatencySummary.newHistogram();
        for (int i = 0; i < 999; i++) {
            micros.recordValue(2_000);
        }
        micros.recordValue(250_000);

        LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.p99()).isCloseTo(2.0, within(0.01));
        assertThat(summary.max()).isCloseTo(250.0, within(0.25));
    }

    @Test
    void anEmptyHistogramIsReportedAsNotMeasured() {
        LatencySummary summary = LatencySummary.of(LatencySummary.newHistogram());

        assertThat(summary).isEqualTo(LatencySummary.EMPTY);
        assertThat(summary.render()).isEqualTo("not measured");
    }

    @Test
    void lostCountsMissingRepliesAndDuplicatedCountsRepliesBeyondWhatCouldBeRight() {
        ReplyAccounting accounting = ReplyAccounting.of(List.of(
                new ReplyAccounting.Tally(5, 0, 5),   // exact
                new ReplyAccounting.Tally(5, 0, 6),   // one duplicate
                new ReplyAccounting.Tally(3, 0, 1),   // two lost
                new ReplyAccounting.Tally(2, 1, 3),   // the unacknowledged message was answered anyway: fine
                new ReplyAccounting.Tally(2, 1, 2),   // ... or not: also fine
                new ReplyAccounting.Tally(2, 1, 4))); // one too many even counting the unacknowledged one

        assertThat(accounting.expected()).isEqualTo(19);
        assertThat(accounting.received()).isEqualTo(21);
        assertThat(accounting.lost()).isEqualTo(2);
        assertThat(accounting.duplicated()).isEqualTo(2);
        assertThat(accounting.customersWithLoss()).isEqualTo(1);
        assertThat(accounting.customersWithDuplicates()).isEqualTo(2);
    }

    @Test
    void throughputIsMessagesOverTheSpanFromFirstPostToLastReply() {
        assertThat(ReplyAccounting.throughput(2_000, Duration.ofMillis(8_000))).isEqualTo(250.0);
        assertThat(ReplyAccounting.throughput(500, Duration.ofMillis(1_500))).isEqualTo(333.333);
        assertThat(ReplyAccounting.throughput(10, Duration.ZERO)).isZero();
    }

    @Test
    void budgetsFollowDesignSectionSix() {
        LoadReport.Webhooks webhooks = new LoadReport.Webhooks(100, 100, 100, 0, 0, 0, 0, 0, 0, 100.0,
                new LatencySummary(50, 1.0, 3.0, 15.0, 40.0, 2.0));
        LoadReport.Replies replies = new LoadReport.Replies(100, 101, 0, 1, 0, 1, 0, 0, 100, true, LatencySummary.EMPTY);
        LoadReport.Throughput throughput = new LoadReport.Throughput(100, null, null, 0.5, 199.9);

        List<LoadReport.BudgetCheck> checks = LoadReport.budgets(webhooks, replies, throughput);

        assertThat(checks).extracting(LoadReport.BudgetCheck::pass).containsExactly(true, false, true, false);
    }
}
