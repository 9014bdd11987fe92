package dev.waagent.domain.intent;

import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.routing.CacheEligibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the LLM stage accepts from a model and what it sends. Calls through the real OpenAI client and the reply
 * chain (answers, garbage, timeouts, errors) are tested in core/llm, LlmIntentStageWireTest.
 */
class LlmIntentStageTest {

    @Test
    void theIntentsComeBackInTheOrderTheModelListedThem() {
        assertThat(LlmIntentStage.parse("{\"intents\":[\"GREETING\",\"AVAILABILITY\",\"PRICING\"]}"))
                .contains(List.of(Intent.GREETING, Intent.AVAILABILITY, Intent.PRICING));
    }

    @Test
    void aCodeFenceABareListLowerCaseAndRepeatsAreAccepted() {
        assertThat(LlmIntentStage.parse("```json\n{\"intents\": [\"pricing\", \"booking\", \"pricing\"]}\n```"))
                .contains(List.of(Intent.PRICING, Intent.BOOKING));
        assertThat(LlmIntentStage.parse("[\"order status\"]")).contains(List.of(Intent.ORDER_STATUS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sure! The customer wants the price.",
            "{\"intents\":[]}",
            "{\"intents\":[\"PRICING\",\"WEATHER\"]}",
            "{\"intents\":[\"PRICING\", 42]}",
            "{\"intents\":[\"GREETING\",\"AVAILABILITY\",\"PRICING\",\"BOOKING\",\"COMPLAINT\",\"HUMAN_REQUEST\"]}",
            "{\"intents\":[\"PRICING\""})
    void anythingButAShortListOfKnownIntentsIsNoAnswer(String answer) {
        assertThat(LlmIntentStage.parse(answer)).isEmpty();
    }

    @Test
    void theClassificationRequestIsSmallDeterministicAndNeverServedFromTheResponseCache() {
        LlmIntentStage stage = new LlmIntentStage((tenant, request) -> {
            throw new AssertionError("not called");
        }, IntentSettings.defaults());

        LlmRequest request = stage.request("pune", "what are your hours", Duration.ofSeconds(2));

        assertThat(request.maxTokens()).isEqualTo(IntentSettings.defaults().llmMaxTokens());
        assertThat(request.temperature()).isZero();
        assertThat(request.tools()).isEmpty();
        assertThat(request.messages().get(0).content()).contains("ORDER_STATUS").contains("{\"intents\"");
        // A reply cached for "what are your hours" must never be read as a classification, nor the other way round.
        assertThat(CacheEligibility.keyFor(request, 1)).isEmpty();
    }

    @Test
    void aRouterWithoutEmbeddingsLeavesOnlyMessagesNoRuleExplainsToTheModel() {
        IntentRouter rules = IntentRouter.rulesOnly();

        assertThat(rules.resolveWithoutModel("do you have the FX3?"))
                .isEqualTo(new IntentResolution(List.of(Intent.AVAILABILITY), IntentStage.RULES, false));
        assertThat(rules.resolveWithoutModel("and what about the other one"))
                .isEqualTo(new IntentResolution(List.of(Intent.GENERAL_QUESTION), IntentStage.RULES, true));
    }
}
