package dev.waagent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.intent.IntentObserver;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.intent.IntentSettings;
import dev.waagent.domain.intent.IntentStage;
import dev.waagent.domain.intent.LlmIntentStage;
import dev.waagent.domain.llm.routing.ContentVersions;
import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.llm.routing.PriceTable;
import dev.waagent.domain.llm.routing.ResponseCache;
import dev.waagent.domain.llm.routing.RoutingObserver;
import dev.waagent.domain.llm.routing.RoutingSettings;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.llm.FakeOpenAiServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM stage of intent routing through the real reply chain: {@link LlmRouter} with the openai-java provider
 * against a local server speaking OpenAI's wire format, and the local responder as the chain's last resort. The
 * rules find nothing in "do you organise photography workshops for kids", so the router asks the model; whatever goes wrong, the turn
 * keeps the rules' answer.
 */
class LlmIntentStageWireTest {

    private static final String AMBIGUOUS = "do you organise photography workshops for kids";
    private static final Tenant TENANT = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1", null, null, null,
            null, null, null, ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);
    private static final IntentResolution RULES_ANSWER =
            new IntentResolution(List.of(Intent.GENERAL_QUESTION), IntentStage.RULES, true);

    private static TokenCounter tokenCounter;

    private final ObjectMapper json = new ObjectMapper();
    private FakeOpenAiServer server;
    private OpenAiCompatibleProvider provider;
    private IntentRouter router;

    @BeforeAll
    static void loadTokenizer() {
        tokenCounter = new TokenCounter();
    }

    @BeforeEach
    void start() throws IOException {
        server = FakeOpenAiServer.start();
        provider = new OpenAiCompatibleProvider(new OpenAiCompatibleSettings("openai", server.baseUrl(),
                "sk-test-KEY-0123456789", "gpt-4o-mini", Duration.ofSeconds(30)), tokenCounter);
        LlmRouter chain = new LlmRouter(List.of(provider), new LocalResponder(tokenCounter), RoutingSettings.defaults(),
                ResponseCache.NONE, ContentVersions.NONE, PriceTable.empty(), RoutingObserver.NONE, TimeSource.system());
        IntentSettings settings = new IntentSettings(5, 0.2, 0.09, 2, 0.15, 0.10, Duration.ofSeconds(60), true,
                Duration.ofMillis(1500), 40);
        router = new IntentRouter(null, null, new LlmIntentStage(chain, settings), IntentObserver.NONE);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    @Test
    void theModelsOrderedListDecidesAnAmbiguousTurn() throws IOException {
        server.enqueue(completion("{\"intents\":[\"GENERAL_QUESTION\",\"PRICING\"]}"));

        IntentResolution resolved = router.resolve(TENANT, AMBIGUOUS, Duration.ofSeconds(5));

        assertThat(resolved).isEqualTo(new IntentResolution(List.of(Intent.GENERAL_QUESTION, Intent.PRICING),
                IntentStage.LLM, true));
        assertThat(server.received()).hasSize(1);
        JsonNode sent = json.readTree(server.received().get(0).body());
        assertThat(sent.path("max_completion_tokens").asInt(sent.path("max_tokens").asInt())).isEqualTo(40);
        assertThat(sent.path("temperature").asDouble()).isZero();
        assertThat(sent.path("tools").isMissingNode()).isTrue();
        assertThat(sent.path("messages").get(0).path("content").asText()).contains("HUMAN_REQUEST").contains("{\"intents\"");
        assertThat(sent.path("messages").get(1).path("content").asText()).endsWith(AMBIGUOUS);
    }

    @Test
    void prosInsteadOfJsonKeepsTheRulesAnswer() throws IOException {
        server.enqueue(completion("The customer is asking about payment methods."));

        assertThat(router.resolve(TENANT, AMBIGUOUS, Duration.ofSeconds(5))).isEqualTo(RULES_ANSWER);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anIntentTheProjectDoesNotKnowKeepsTheRulesAnswer() throws IOException {
        server.enqueue(completion("{\"intents\":[\"PAYMENT_METHODS\"]}"));

        assertThat(router.resolve(TENANT, AMBIGUOUS, Duration.ofSeconds(5))).isEqualTo(RULES_ANSWER);
    }

    @Test
    void aModelSlowerThanTheStagesDeadlineIsAbandonedAndTheRulesAnswerStands() throws IOException {
        server.enqueue(completion("{\"intents\":[\"PRICING\"]}").after(Duration.ofSeconds(6)));

        long started = System.nanoTime();
        IntentResolution resolved = router.resolve(TENANT, AMBIGUOUS, Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(resolved).isEqualTo(RULES_ANSWER);
        // Bounded by the stage's 1.5 s deadline, not the 20 s the turn had left (nor the 6 s the model took).
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFailingProviderEndsAtTheLastResortWhichCannotClassifySoTheRulesAnswerStands() {
        server.enqueue(Reply.json(500, "error-500-server.json"));
        server.enqueue(Reply.json(500, "error-500-server.json"));

        assertThat(router.resolve(TENANT, AMBIGUOUS, Duration.ofSeconds(5))).isEqualTo(RULES_ANSWER);
        assertThat(server.received()).isNotEmpty();
    }

    @Test
    void aTurnTheRulesSettleNeverCallsTheModel() {
        assertThat(router.resolve(TENANT, "hi\ndo you have the FX3?\nand the price for 2 days?", Duration.ofSeconds(5)))
                .isEqualTo(new IntentResolution(List.of(Intent.GREETING, Intent.AVAILABILITY, Intent.PRICING),
                        IntentStage.RULES, false));
        assertThat(server.received()).isEmpty();
    }

    /** OpenAI's chat-completion body (the shared fixture) with {@code content} as the assistant's text. */
    private Reply completion(String content) throws IOException {
        ObjectNode body = (ObjectNode) json.readTree(FakeOpenAiServer.fixture("chat-completion.json"));
        ((ObjectNode) body.path("choices").get(0).path("message")).put("content", content);
        return new Reply(200, Map.of(), json.writeValueAsString(body), Duration.ZERO);
    }
}
