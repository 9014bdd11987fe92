package dev.waagent.domain.llm.routing;

import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.TokenUsage;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One attempt at one provider, for accounting and metrics.
 *
 * @param failure null when the call succeeded
 */
public record ProviderCall(String tenantId, String provider, String model, int attempt, Duration latency,
                           TokenUsage usage, BigDecimal costUsd, LlmException.Kind failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
