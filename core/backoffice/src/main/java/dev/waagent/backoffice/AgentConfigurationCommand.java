package dev.waagent.backoffice;

import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentTone;
import dev.waagent.domain.knowledge.HandoffRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A full agent configuration as written with {@code PUT …/agent-configuration} (absent optional fields take their
 * defaults). {@code version}, when given, must be the current one (optimistic concurrency: 409 otherwise).
 */
public record AgentConfigurationCommand(@Nullable Long expectedVersion, AgentConfiguration configuration) {

    public static final Set<String> FIELDS = Set.of("version", "agent_name", "personality_traits", "tone", "persona_notes",
            "default_model", "fallback_models", "behavioural_restrictions", "required_disclaimers",
            "confidence_threshold", "proactive_suggestions", "spelling_correction", "rich_messages", "handoff_rules");
    private static final Set<String> HANDOFF_FIELDS = Set.of("topics", "max_consecutive_low_confidence", "on_customer_request");
    /** {@code provider} or {@code provider:model}, the provider being a name under {@code llm.providers}. */
    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}(:[A-Za-z0-9._/:@-]{1,80})?");

    public static AgentConfigurationCommand fromJson(String tenantId, JsonNode body) {
        Problems problems = new Problems();
        JsonFields json = new JsonFields(body, null, problems, FIELDS);
        AgentConfiguration defaults = AgentConfiguration.defaults(tenantId, "Assistant");
        Integer version = json.integer("version");
        String toneText = json.string("tone");
        AgentTone tone = toneText == null ? defaults.tone() : AgentTone.parse(toneText).orElse(null);
        if (toneText != null && tone == null) {
            problems.add(null, "tone", "must be one of " + Arrays.stream(AgentTone.values()).map(AgentTone::wireName)
                    .collect(Collectors.joining(", ")));
        }
        HandoffRules handoff = HandoffRules.defaults();
        JsonFields handoffJson = json.object("handoff_rules", HANDOFF_FIELDS);
        if (handoffJson != null) {
            Integer max = handoffJson.integer("max_consecutive_low_confidence");
            Boolean onRequest = handoffJson.bool("on_customer_request");
            handoff = new HandoffRules(handoffJson.strings("topics"), max == null ? handoff.maxConsecutiveLowConfidence() : max,
                    onRequest == null ? handoff.onCustomerRequest() : onRequest);
        }
        Double threshold = json.number("confidence_threshold");
        Boolean proactive = json.bool("proactive_suggestions");
        Boolean spelling = json.bool("spelling_correction");
        Boolean rich = json.bool("rich_messages");
        String agentName = json.string("agent_name");
        AgentConfiguration configuration = new AgentConfiguration(tenantId, 0,
                agentName == null ? null : agentName.strip(),
                json.has("personality_traits") ? json.strings("personality_traits") : defaults.personalityTraits(),
                tone == null ? defaults.tone() : tone,
                json.string("persona_notes"),
                json.string("default_model"),
                json.strings("fallback_models"),
                json.strings("behavioural_restrictions"),
                json.strings("required_disclaimers"),
                threshold == null ? defaults.confidenceThreshold() : threshold,
                proactive == null ? defaults.proactiveSuggestions() : proactive,
                spelling == null ? defaults.spellingCorrection() : spelling,
                rich == null ? defaults.richMessages() : rich,
                handoff, null);
        validate(configuration, problems);
        problems.throwIfAny();
        return new AgentConfigurationCommand(version == null ? null : version.longValue(), configuration);
    }

    /** The rules every stored configuration obeys (also applied to seeded ones). */
    public static void validate(AgentConfiguration configuration, Problems problems) {
        problems.text(configuration.agentName(), true, 80, null, "agent_name");
        problems.texts(configuration.personalityTraits(), 10, 40, null, "personality_traits");
        problems.text(configuration.personaNotes(), false, 4000, null, "persona_notes");
        if (configuration.defaultModel() != null) {
            problems.check(MODEL.matcher(configuration.defaultModel()).matches(), null, "default_model",
                    "must be a provider name (as under llm.providers) optionally followed by :model");
        }
        problems.check(configuration.fallbackModels().size() <= 5, null, "fallback_models", "has more than 5 items");
        for (int i = 0; i < configuration.fallbackModels().size(); i++) {
            problems.check(MODEL.matcher(configuration.fallbackModels().get(i)).matches(), null, "fallback_models[" + i + "]",
                    "must be a provider name (as under llm.providers) optionally followed by :model");
        }
        problems.texts(configuration.behaviouralRestrictions(), 20, 300, null, "behavioural_restrictions");
        problems.texts(configuration.requiredDisclaimers(), 10, 300, null, "required_disclaimers");
        problems.check(configuration.confidenceThreshold() >= 0 && configuration.confidenceThreshold() <= 1, null,
                "confidence_threshold", "must be between 0 and 1");
        problems.texts(configuration.handoffRules().topics(), 30, 60, null, "handoff_rules.topics");
        int max = configuration.handoffRules().maxConsecutiveLowConfidence();
        problems.check(max >= 1 && max <= 10, null, "handoff_rules.max_consecutive_low_confidence", "must be between 1 and 10");
    }
}
