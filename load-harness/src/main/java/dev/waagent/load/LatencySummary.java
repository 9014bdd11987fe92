package dev.waagent.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, reported in milliseconds. HdrHistogram keeps three
 * significant digits, so each figure is within 0.1% of the exact order statistic.
 *
 * @param count number of recorded values (0: nothing measured, every figure 0)
 */
public record LatencySummary(long count, double p50, double p90, double p99, double max, double mean) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** A histogram for {@link #of}: microseconds, three significant digits, resizing as larger values arrive. */
    public static Histogram newHistogram() {
        Histogram histogram = new Histogram(3);
        histogram.setAutoResize(true);
        return histogram;
    }

    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getMaxValue()),
                round(micros.getMean() / 1_000.0));
    }

    private static double ms(long micros) {
        return round(micros / 1_000.0);
    }

    /** Three decimals: microsecond resolution in milliseconds. */
    private static double round(double value) {
        return Math.round(value * 1_000.0) / 1_000.0;
    }

    public String render() {
        if (count == 0) {
            return "not measured";
        }
        return String.format(java.util.Locale.ROOT, "p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f  (n=%d)",
                p50, p90, p99, max, mean, count);
    }
}
