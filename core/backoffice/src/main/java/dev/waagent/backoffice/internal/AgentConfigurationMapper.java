package dev.waagent.backoffice.internal;

import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentTone;
import dev.waagent.domain.knowledge.HandoffRules;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;

/** Agent configuration rows to and from the domain record. */
@Singleton
public class AgentConfigurationMapper {

    /** How handoff rules are stored in their JSON column. */
    @Serdeable
    public record StoredHandoffRules(List<String> topics, int maxConsecutiveLowConfidence, boolean onCustomerRequest) {
    }

    private final JsonColumns json;

    public AgentConfigurationMapper(JsonColumns json) {
        this.json = json;
    }

    public AgentConfiguration toDomain(AgentConfigurationRow row) {
        StoredHandoffRules handoff = json.object(row.handoffRules(), StoredHandoffRules.class);
        return new AgentConfiguration(row.tenantId(), row.version(), row.agentName(), json.strings(row.personalityTraits()),
                AgentTone.parse(row.tone()).orElse(AgentTone.FRIENDLY), row.personaNotes(), row.defaultModel(),
                json.strings(row.fallbackModels()), json.strings(row.behaviouralRestrictions()),
                json.strings(row.requiredDisclaimers()), row.confidenceThreshold(), row.proactiveSuggestions(),
                row.spellingCorrection(), row.richMessages(),
                new HandoffRules(handoff.topics(), handoff.maxConsecutiveLowConfidence(), handoff.onCustomerRequest()),
                row.updatedAt());
    }

    public AgentConfigurationRow toRow(AgentConfiguration configuration) {
        HandoffRules handoff = configuration.handoffRules();
        return new AgentConfigurationRow(configuration.tenantId(), configuration.version(), configuration.agentName(),
                json.strings(configuration.personalityTraits()), configuration.tone().wireName(),
                configuration.personaNotes(), configuration.defaultModel(), json.strings(configuration.fallbackModels()),
                json.strings(configuration.behaviouralRestrictions()), json.strings(configuration.requiredDisclaimers()),
                configuration.confidenceThreshold(), configuration.proactiveSuggestions(),
                configuration.spellingCorrection(), configuration.richMessages(),
                json.object(new StoredHandoffRules(handoff.topics(), handoff.maxConsecutiveLowConfidence(),
                        handoff.onCustomerRequest())),
                configuration.updatedAt());
    }
}
