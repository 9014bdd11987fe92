package dev.waagent.knowledge;

import dev.waagent.domain.intent.EmbeddingIntentStage;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.intent.IntentExemplars;
import dev.waagent.domain.intent.IntentObserver;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.intent.IntentSettings;
import dev.waagent.domain.intent.IntentStage;
import io.micronaut.core.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding stage of intent routing with the shipped in-process model (bge-small-en-v1.5 ONNX, loaded once per
 * JVM) and the shipped exemplars; no LLM stage here (see core/llm LlmIntentStageWireTest).
 */
class IntentRouterEmbeddingTest {

    private static IntentRouter router;

    @BeforeAll
    static void loadModel() {
        router = new IntentRouter(new EmbeddingIntentStage(new OnnxEmbedder(), IntentExemplars.shipped(),
                IntentSettings.defaults()), null, null, IntentObserver.NONE);
        router.prime();
    }

    @Test
    void aMessageNoRuleExplainsIsDecidedByItsNearestExemplarsWhenTheyClearlyAgree() {
        assertThat(router.resolveWithoutModel("the tripod you gave me wobbles and the head is loose"))
                .isEqualTo(resolution(IntentStage.EMBEDDING, false, Intent.COMPLAINT));
        assertThat(router.resolveWithoutModel("any news about the money I sent"))
                .isEqualTo(resolution(IntentStage.EMBEDDING, false, Intent.ORDER_STATUS));
    }

    @Test
    void wordsAfterAGreetingThatAreMoreGreetingDoNotMakeAQuestion() {
        assertThat(router.resolveWithoutModel("thanks, you are a lifesaver"))
                .isEqualTo(resolution(IntentStage.EMBEDDING, false, Intent.GREETING));
    }

    @Test
    void aBurstIsJudgedMessageByMessageAndKeepsItsOrder() {
        assertThat(router.resolveWithoutModel("hi\nthe tripod head kept slipping the whole day"))
                .isEqualTo(resolution(IntentStage.EMBEDDING, false, Intent.GREETING, Intent.COMPLAINT));
        assertThat(router.resolveWithoutModel("hello\nany news about the money I sent"))
                .isEqualTo(resolution(IntentStage.EMBEDDING, false, Intent.GREETING, Intent.ORDER_STATUS));
    }

    @Test
    void theBurstTheRulesSettleStaysWithTheRulesAndIsNotSentToTheModel() {
        assertThat(router.resolveWithoutModel("hi\ndo you have the FX3?\nand the price for 2 days?"))
                .isEqualTo(resolution(IntentStage.RULES, false, Intent.GREETING, Intent.AVAILABILITY, Intent.PRICING));
        assertThat(router.resolveWithoutModel("hi\nthank you"))
                .isEqualTo(resolution(IntentStage.RULES, false, Intent.GREETING));
    }

    @Test
    void aMessageNeitherStageIsSureOfIsLeftToTheModelWithTheRulesAnswerMeanwhile() {
        assertThat(router.resolveWithoutModel("do you organise photography workshops for kids?"))
                .isEqualTo(resolution(IntentStage.RULES, true, Intent.GENERAL_QUESTION));
    }

    @Test
    void aRuleHitTheNearestExemplarsClearlyContradictIsAmbiguousButKeepsTheRulesAnswer() {
        // "Body only or with lens" reads like a question about what comes with it; the nearest exemplars are stock questions.
        IntentResolution resolved = router.resolveWithoutModel("is the A7S III body only or with lens");

        assertThat(resolved).isEqualTo(resolution(IntentStage.RULES, true, Intent.GENERAL_QUESTION));
    }

    @Test
    void anEmbedderThatFailsLeavesTheRulesAsIfThereWereNoEmbeddingStageAndFailsNoTurn() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OpenAiEmbedder unreachable = new OpenAiEmbedder(settings(URI.create("http://127.0.0.1:" + closedPort + "/v1")))) {
            IntentRouter failing = new IntentRouter(new EmbeddingIntentStage(unreachable, IntentExemplars.shipped(),
                    IntentSettings.defaults()), null, null, IntentObserver.NONE);

            assertThat(failing.resolveWithoutModel("do you have the FX3?"))
                    .isEqualTo(resolution(IntentStage.RULES, false, Intent.AVAILABILITY));
            // As with no embedding stage at all: what no rule explains is left to the model.
            assertThat(failing.resolveWithoutModel("hi\nthe tripod head kept slipping the whole day"))
                    .isEqualTo(resolution(IntentStage.RULES, true, Intent.GREETING, Intent.GENERAL_QUESTION));
            assertThat(failing.resolveWithoutModel("the tripod you gave me wobbles and the head is loose"))
                    .isEqualTo(resolution(IntentStage.RULES, true, Intent.GENERAL_QUESTION));
        }
    }

    private static IntentResolution resolution(IntentStage stage, boolean ambiguous, Intent... intents) {
        return new IntentResolution(List.of(intents), stage, ambiguous);
    }

    private static OpenAiEmbeddingSettings settings(URI base) {
        return new OpenAiEmbeddingSettings() {
            public URI getBaseUrl() {
                return base;
            }

            @Nullable
            public String getApiKey() {
                return null;
            }

            public String getModel() {
                return "nomic-embed-text";
            }

            @Nullable
            public Integer getDimensions() {
                return null;
            }

            public Duration getTimeout() {
                return Duration.ofSeconds(2);
            }

            public String getEncodingFormat() {
                return "float";
            }

            public int getBatchSize() {
                return 64;
            }
        };
    }
}
