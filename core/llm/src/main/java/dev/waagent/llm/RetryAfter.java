package dev.waagent.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads how long a provider asked us to wait: {@code retry-after-ms} (milliseconds, OpenAI and others send it
 * for precision) wins over {@code retry-after} (delta seconds or an HTTP date, RFC 9110 §10.2.3).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param headerValues the values of a response header by name, matched case-insensitively
     * @param now          the current time, for HTTP dates
     * @return the wait, never negative; empty when no usable header is present
     */
    static Optional<Duration> parse(Function<String, List<String>> headerValues, Instant now) {
        Optional<Duration> millis = first(headerValues, "retry-after-ms").flatMap(RetryAfter::parseMillis);
        if (millis.isPresent()) {
            return millis;
        }
        return first(headerValues, "retry-after").flatMap(value -> parseRetryAfter(value, now));
    }

    private static Optional<String> first(Function<String, List<String>> headerValues, String name) {
        List<String> values = headerValues.apply(name);
        if (values == null) {
            return Optional.empty();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst();
    }

    private static Optional<Duration> parseMillis(String value) {
        try {
            double millis = Double.parseDouble(value);
            if (!Double.isFinite(millis) || millis < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.round(millis * 1_000_000d)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseRetryAfter(String value, Instant now) {
        try {
            double seconds = Double.parseDouble(value);
            if (!Double.isFinite(seconds) || seconds < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000d)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
