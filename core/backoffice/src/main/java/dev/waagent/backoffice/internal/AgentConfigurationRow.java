package dev.waagent.backoffice.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code agent_configurations}: one per tenant, {@code version} grows with every change. */
@MappedEntity(value = "agent_configurations", escape = false)
public record AgentConfigurationRow(
        @Id String tenantId,
        long version,
        String agentName,
        String personalityTraits,
        String tone,
        String personaNotes,
        @Nullable String defaultModel,
        String fallbackModels,
        String behaviouralRestrictions,
        String requiredDisclaimers,
        double confidenceThreshold,
        boolean proactiveSuggestions,
        boolean spellingCorrection,
        boolean richMessages,
        String handoffRules,
        Instant updatedAt) {
}
