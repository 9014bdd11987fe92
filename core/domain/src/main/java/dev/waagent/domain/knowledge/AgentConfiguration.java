package dev.waagent.domain.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * How a tenant's agent behaves (task 2.1 of the seed plan): persona, model chain, restrictions, threshold,
 * flags and handoff rules. Validated by the back office on write; {@code version} grows with every change, so a
 * cached copy knows when it is stale.
 *
 * @param defaultModel        {@code provider} or {@code provider:model} (a name under {@code llm.providers})
 * @param fallbackModels      tried in order after the default, same notation
 * @param confidenceThreshold below this, an answer is low-confidence (knowledge hits are not trusted on their own)
 */
public record AgentConfiguration(
        String tenantId,
        long version,
        String agentName,
        List<String> personalityTraits,
        AgentTone tone,
        String personaNotes,
        String defaultModel,
        List<String> fallbackModels,
        List<String> behaviouralRestrictions,
        List<String> requiredDisclaimers,
        double confidenceThreshold,
        boolean proactiveSuggestions,
        boolean spellingCorrection,
        boolean richMessages,
        HandoffRules handoffRules,
        Instant updatedAt) {

    public AgentConfiguration {
        Objects.requireNonNull(tenantId, "tenantId");
        personalityTraits = personalityTraits == null ? List.of() : List.copyOf(personalityTraits);
        tone = tone == null ? AgentTone.FRIENDLY : tone;
        personaNotes = personaNotes == null ? "" : personaNotes;
        fallbackModels = fallbackModels == null ? List.of() : List.copyOf(fallbackModels);
        behaviouralRestrictions = behaviouralRestrictions == null ? List.of() : List.copyOf(behaviouralRestrictions);
        requiredDisclaimers = requiredDisclaimers == null ? List.of() : List.copyOf(requiredDisclaimers);
        handoffRules = handoffRules == null ? HandoffRules.defaults() : handoffRules;
    }

    /** Confidence threshold of a tenant without its own configuration. */
    public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.55;

    /** What a new tenant starts with. */
    public static AgentConfiguration defaults(String tenantId, String agentName) {
        return new AgentConfiguration(tenantId, 1, agentName, List.of("helpful", "concise"), AgentTone.FRIENDLY, "",
                null, List.of(), List.of(), List.of(), DEFAULT_CONFIDENCE_THRESHOLD, true, true, true,
                HandoffRules.defaults(), null);
    }

    /** The provider names of the model chain, in order, without duplicates (what the LLM fallback chain tries). */
    public List<String> providerOrder() {
        LinkedHashSet<String> providers = new LinkedHashSet<>();
        List<String> chain = new ArrayList<>();
        if (defaultModel != null && !defaultModel.isBlank()) {
            chain.add(defaultModel);
        }
        chain.addAll(fallbackModels);
        for (String model : chain) {
            int colon = model.indexOf(':');
            providers.add((colon < 0 ? model : model.substring(0, colon)).strip());
        }
        return List.copyOf(providers);
    }

    /**
     * The persona as prompt text: notes, traits, tone, restrictions and disclaimers. The runtime tenant's
     * {@code persona} is exactly this, so the prompt builder needs nothing else.
     */
    public String personaText() {
        StringBuilder text = new StringBuilder();
        if (!personaNotes.isBlank()) {
            text.append(personaNotes.strip()).append('\n');
        }
        if (!personalityTraits.isEmpty()) {
            text.append("Personality: ").append(String.join(", ", personalityTraits)).append(".\n");
        }
        text.append("Tone: ").append(tone.wireName()).append(".\n");
        for (String restriction : behaviouralRestrictions) {
            text.append("Never: ").append(restriction.strip()).append('\n');
        }
        for (String disclaimer : requiredDisclaimers) {
            text.append("Always include when relevant: ").append(disclaimer.strip()).append('\n');
        }
        return text.toString().strip();
    }
}
