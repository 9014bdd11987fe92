package dev.waagent.domain.llm.routing;

/**
 * A provider's health as /health shows it.
 *
 * @param circuit         closed, open or half-open
 * @param misconfigured   the provider refused our credentials or request (401/403/400): fix the configuration
 * @param lastError       the kind of the last failure, or null
 * @param p50LatencyMillis median of recent successful calls, or -1 when none
 */
public record ProviderStatus(String name, CircuitBreaker.State circuit, boolean misconfigured, String lastError,
                             long p50LatencyMillis, long calls, long failures, long timesOpened) {
}
