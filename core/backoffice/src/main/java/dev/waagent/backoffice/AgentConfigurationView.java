package dev.waagent.backoffice;

import dev.waagent.domain.knowledge.AgentConfiguration;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/** A tenant's agent configuration as the admin API returns it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record AgentConfigurationView(
        String tenantId,
        long version,
        String agentName,
        List<String> personalityTraits,
        String tone,
        String personaNotes,
        @Nullable String defaultModel,
        List<String> fallbackModels,
        List<String> behaviouralRestrictions,
        List<String> requiredDisclaimers,
        double confidenceThreshold,
        boolean proactiveSuggestions,
        boolean spellingCorrection,
        boolean richMessages,
        HandoffRulesView handoffRules,
        @Nullable Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record HandoffRulesView(List<String> topics, int maxConsecutiveLowConfidence, boolean onCustomerRequest) {
    }

    public static AgentConfigurationView of(AgentConfiguration configuration) {
        return new AgentConfigurationView(configuration.tenantId(), configuration.version(), configuration.agentName(),
                configuration.personalityTraits(), configuration.tone().wireName(), configuration.personaNotes(),
                configuration.defaultModel(), configuration.fallbackModels(), configuration.behaviouralRestrictions(),
                configuration.requiredDisclaimers(), configuration.confidenceThreshold(),
                configuration.proactiveSuggestions(), configuration.spellingCorrection(), configuration.richMessages(),
                new HandoffRulesView(configuration.handoffRules().topics(),
                        configuration.handoffRules().maxConsecutiveLowConfidence(),
                        configuration.handoffRules().onCustomerRequest()),
                configuration.updatedAt());
    }
}
