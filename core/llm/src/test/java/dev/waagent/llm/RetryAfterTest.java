package dev.waagent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @ParameterizedTest(name = "retry-after: \"{0}\" -> {1} ms")
    @CsvSource(delimiter = '|', value = {
            "7                             | 7000",
            "0                             | 0",
            "1.5                           | 1500",
            "' 20 '                        | 20000",
            "Mon, 10 Mar 2025 12:00:30 GMT | 30000",
            "Mon, 10 Mar 2025 11:59:00 GMT | 0",
    })
    void retryAfterIsReadAsSecondsOrHttpDate(String value, long expectedMillis) {
        assertThat(RetryAfter.parse(headers(Map.of("Retry-After", value)), NOW))
                .contains(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "retry-after: \"{0}\" is ignored")
    @CsvSource({"soon", "-3", "NaN", "''"})
    void unusableRetryAfterIsIgnored(String value) {
        assertThat(RetryAfter.parse(headers(Map.of("retry-after", value)), NOW)).isEmpty();
    }

    @ParameterizedTest(name = "retry-after-ms: \"{0}\" -> {1} µs")
    @CsvSource({"250, 250000", "0.5, 500", "1250.75, 1250750"})
    void retryAfterMillisecondsWinsOverSeconds(String millis, long expectedMicros) {
        Map<String, String> both = Map.of("retry-after-ms", millis, "retry-after", "9");

        assertThat(RetryAfter.parse(headers(both), NOW)).contains(Duration.ofNanos(expectedMicros * 1000));
    }

    @ParameterizedTest(name = "unusable retry-after-ms \"{0}\" falls back to retry-after")
    @CsvSource({"later", "-1"})
    void unusableMillisecondsFallBackToSeconds(String millis) {
        assertThat(RetryAfter.parse(headers(Map.of("retry-after-ms", millis, "retry-after", "9")), NOW))
                .contains(Duration.ofSeconds(9));
    }

    @Test
    void noHeaderMeansNoAdvice() {
        assertThat(RetryAfter.parse(headers(Map.of()), NOW)).isEmpty();
    }

    /** Case-insensitive lookup, as the SDK's {@code Headers} does. */
    private static Function<String, List<String>> headers(Map<String, String> values) {
        return name -> values.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .map(List::of)
                .findFirst()
                .orElse(List.of());
    }
}
