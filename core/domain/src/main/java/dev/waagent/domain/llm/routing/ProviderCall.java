package dev.waagent.domain.llm.routing;

import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.TokenUsage;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One attempt at one provider, for accounting and metrics.
 *
 * @param latency      the call as the chain timed it (the provider's request and response mapping included)
 * @param modelLatency the call as the provider timed it ({@code LlmResponse#latency}: the model's own time, as the
 *                     reply's accounting records it); for a failed call, {@code latency}
 * @param failure      null when the call succeeded
 */
public record ProviderCall(String tenantId, String provider, String model, int attempt, Duration latency,
                           Duration modelLatency, TokenUsage usage, BigDecimal costUsd, LlmException.Kind failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
