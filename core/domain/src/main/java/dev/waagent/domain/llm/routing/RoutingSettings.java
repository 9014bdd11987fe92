package dev.waagent.domain.llm.routing;

import java.time.Duration;
import java.util.List;

/**
 * How the chain behaves.
 *
 * @param defaultOrder       providers to try when the tenant names none
 * @param simpleFirst        provider moved to the front for simple turns (cheap and fast), or null
 * @param complexFirst       provider moved to the front for complex turns (strongest), or null
 * @param simpleMaxChars     a turn up to this long with one question and one message is simple
 * @param failureThreshold   consecutive failures that open a provider's circuit
 * @param cooldown           how long an open circuit stays open before one trial call
 * @param maxAttempts        attempts per provider per turn for transient failures (1 = no retry)
 * @param retryBackoff       wait before a retry when the provider gave no Retry-After
 * @param maxRetryWait       a Retry-After longer than this moves on to the next provider instead of waiting
 * @param cacheTtl           how long a cached FAQ answer is served
 */
public record RoutingSettings(
        List<String> defaultOrder,
        String simpleFirst,
        String complexFirst,
        int simpleMaxChars,
        int failureThreshold,
        Duration cooldown,
        int maxAttempts,
        Duration retryBackoff,
        Duration maxRetryWait,
        Duration cacheTtl) {

    public RoutingSettings {
        defaultOrder = defaultOrder == null ? List.of() : List.copyOf(defaultOrder);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(List.of(), null, null, 80, 3, Duration.ofSeconds(30), 2,
                Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofHours(6));
    }
}
