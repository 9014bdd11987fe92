package dev.waagent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmException.Kind;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.llm.FakeOpenAiServer.Received;
import dev.waagent.llm.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Drives the real openai-java client through the provider against a local server speaking OpenAI's wire format. */
class OpenAiCompatibleProviderTest {

    private static final String KEY = "sk-test-KEY-0123456789";
    private static final String MODEL = "gpt-4o-mini";
    /** Long enough to see a retry the SDK would make by default (its first backoff is about 0.5 s). */
    private static final Duration RETRY_GRACE = Duration.ofMillis(900);

    private static TokenCounter tokenCounter;

    private final ObjectMapper json = new ObjectMapper();
    private FakeOpenAiServer server;
    private OpenAiCompatibleProvider provider;

    @BeforeAll
    static void loadTokenizer() {
        tokenCounter = new TokenCounter();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = FakeOpenAiServer.start();
        provider = provider("openai-test", server.baseUrl(), KEY);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    @Test
    void successfulCallReturnsTextUsageModelAndProvider() {
        server.enqueue(Reply.json(200, "chat-completion.json"));

        LlmResponse response = provider.complete(request(Duration.ofSeconds(5)));

        assertThat(response.provider()).isEqualTo("openai-test");
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.text()).isEqualTo("Yes, the Toyota Fortuner is available tomorrow. Shall I book it for you?");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage().promptTokens()).isEqualTo(41);
        assertThat(response.usage().completionTokens()).isEqualTo(17);
        assertThat(response.usage().estimated()).isFalse();
        assertThat(response.latency()).isPositive();
        assertThat(response.needsHuman()).isFalse();
    }

    @Test
    void responseWithoutUsageIsEstimatedWithTheTokenCounter() {
        server.enqueue(Reply.json(200, "chat-completion-no-usage.json"));
        LlmRequest request = request(Duration.ofSeconds(5));

        LlmResponse response = provider.complete(request);

        assertThat(response.text()).isEqualTo("Ji haan, Innova kal ke liye available hai.");
        assertThat(response.usage().estimated()).isTrue();
        assertThat(response.usage().promptTokens())
                .isEqualTo(tokenCounter.count(request.messages()) + tokenCounter.countTools(request.tools()));
        assertThat(response.usage().completionTokens()).isEqualTo(tokenCounter.count(response.text()));
    }

    @Test
    void toolCallResponseIsMappedToToolCalls() {
        server.enqueue(Reply.json(200, "chat-completion-tool-call.json"));

        LlmResponse response = provider.complete(request(Duration.ofSeconds(5)));

        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).containsExactly(new ToolCall(
                "call_Q7hR2m3pXk9LtYv1", "check_availability", "{\"vehicle\":\"FX3\",\"date\":\"2025-03-11\"}"));
        assertThat(response.usage().totalTokens()).isEqualTo(106);
    }

    @Test
    void toolCallWithoutTypeAndWithObjectArgumentsIsStillRead() {
        server.enqueue(Reply.json(200, "chat-completion-untyped-tool-call.json"));

        LlmResponse response = provider.complete(request(Duration.ofSeconds(5)));

        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_-8591", "check_availability", "{\"vehicle\":\"Innova\"}"));
    }

    @Test
    void requestCarriesModelMessagesMaxTokensTemperatureToolsAndBearerKey() throws IOException {
        server.enqueue(Reply.json(200, "chat-completion.json"));
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You rent cars for Sharma Travels."),
                        ChatMessage.user("kya FX3 available hai kal?"),
                        ChatMessage.assistant("Let me check."),
                        new ChatMessage(ChatRole.TOOL, "{\"available\":true}", "call_1"),
                        ChatMessage.user("aur Innova?")),
                List.of(availabilityTool()), 300, 0.3, Duration.ofSeconds(5), LanguageDetector.HINDI);

        provider.complete(request);

        assertThat(server.received()).hasSize(1);
        Received received = server.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.header("authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = json.readTree(received.body());
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.has("stream")).isFalse();
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You rent cars for Sharma Travels.");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("kya FX3 available hai kal?");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.get(4).path("content").asText()).isEqualTo("aur Innova?");
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("check_availability");
        assertThat(tool.path("function").has("strict")).isFalse();
        assertThat(tool.path("function").path("parameters"))
                .isEqualTo(json.readTree(availabilityTool().parametersJsonSchema()));
    }

    @Test
    void aToolRoundSendsTheAssistantsToolCallsBackBeforeTheirResults() throws IOException {
        server.enqueue(Reply.json(200, "chat-completion.json"));
        ToolCall call = new ToolCall("call_7", "quote_price", "{\"item\":\"fx3\",\"days\":2}");
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You rent cameras."),
                        ChatMessage.user("price of fx3 for 2 days?"),
                        ChatMessage.assistantToolCalls("", List.of(call)),
                        ChatMessage.toolResult("call_7", "{\"total\":\"₹7,000\"}")),
                List.of(availabilityTool()), 300, 0.3, Duration.ofSeconds(5), LanguageDetector.HINDI);

        provider.complete(request);

        JsonNode messages = json.readTree(server.received().get(0).body()).path("messages");
        JsonNode assistant = messages.get(2);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.has("content")).isFalse();
        JsonNode sent = assistant.path("tool_calls").get(0);
        assertThat(sent.path("id").asText()).isEqualTo("call_7");
        assertThat(sent.path("type").asText()).isEqualTo("function");
        assertThat(sent.path("function").path("name").asText()).isEqualTo("quote_price");
        assertThat(sent.path("function").path("arguments").asText()).isEqualTo("{\"item\":\"fx3\",\"days\":2}");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_7");
        assertThat(messages.get(3).path("content").asText()).contains("₹7,000");
    }

    @Test
    void rateLimitedCallReportsRetryAfterAndIsNotRetried() throws InterruptedException {
        server.enqueue(Reply.json(429, "error-429-rate-limit.json").withHeader("retry-after", "7"));
        server.enqueue(Reply.json(200, "chat-completion.json"));

        long start = System.nanoTime();
        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.provider()).isEqualTo("openai-test");
        assertThat(failure.httpStatus()).contains(429);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).contains("rate_limit_exceeded", "req_1");
        // The SDK would have slept the 7 s Retry-After and tried again.
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertOneRequestOnly();
    }

    @Test
    void retryAfterMillisecondsHeaderIsPreferred() {
        server.enqueue(Reply.json(429, "error-429-rate-limit.json")
                .withHeader("retry-after", "2")
                .withHeader("retry-after-ms", "1250"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.retryAfter()).contains(Duration.ofMillis(1250));
    }

    @Test
    void exhaustedQuotaIsMisconfiguredNotRateLimited() {
        server.enqueue(Reply.json(429, "error-429-insufficient-quota.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED);
        assertThat(failure.kind().isTransient()).isFalse();
    }

    @Test
    void serverErrorIsUnavailableAndNotRetried() throws InterruptedException {
        server.enqueue(Reply.json(500, "error-500-server.json"));
        server.enqueue(Reply.json(200, "chat-completion.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.httpStatus()).contains(500);
        assertOneRequestOnly();
    }

    @Test
    void invalidKeyIsMisconfiguredAndTheKeyIsNeverInTheException() {
        server.enqueue(Reply.json(401, "error-401-invalid-api-key.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED);
        assertThat(failure.httpStatus()).contains(401);
        assertThat(failure.getMessage()).contains("invalid_api_key").doesNotContain(KEY).doesNotContain("0123456789");
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
        }
    }

    @Test
    void badRequestIsBadRequestWithTheParameterNamed() {
        server.enqueue(Reply.json(400, "error-400-invalid-request.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.kind().isTransient()).isFalse();
        assertThat(failure.getMessage()).contains("param=max_tokens", "integer_below_min_value");
    }

    @ParameterizedTest(name = "HTTP {0} ({1}) -> {2}")
    @CsvSource({
            "400, error-400-invalid-request.json, BAD_REQUEST",
            "401, error-401-invalid-api-key.json, MISCONFIGURED",
            "403, error-403-unsupported-region.json, MISCONFIGURED",
            "404, error-404-model-not-found.json, BAD_REQUEST",
            "422, error-422-unprocessable.json, BAD_REQUEST",
            "429, error-429-rate-limit.json, RATE_LIMITED",
            "500, error-500-server.json, UNAVAILABLE",
            "502, error-500-server.json, UNAVAILABLE",
            "503, error-503-overloaded.json, UNAVAILABLE",
    })
    void errorStatusesMapToKinds(int status, String fixture, Kind expected) {
        server.enqueue(Reply.json(status, fixture));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.httpStatus()).contains(status);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void nonJsonErrorBodyFromAProxyStillMapsByStatus() {
        server.enqueue(new Reply(502, Map.of("content-type", "text/html"),
                "<html><body><h1>502 Bad Gateway</h1></body></html>", Duration.ZERO));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.httpStatus()).contains(502);
    }

    @Test
    void slowResponseBeyondTheCallTimeoutIsTimeoutAndNotRetried() throws InterruptedException {
        server.enqueue(Reply.json(200, "chat-completion.json").after(Duration.ofSeconds(4)));
        server.enqueue(Reply.json(200, "chat-completion.json"));
        Duration timeout = Duration.ofMillis(600);

        long start = System.nanoTime();
        LlmException failure = failure(() -> provider.complete(request(timeout)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.httpStatus()).isEmpty();
        assertThat(took).isGreaterThanOrEqualTo(timeout.minusMillis(50)).isLessThan(timeout.plusSeconds(2));
        assertOneRequestOnly();
    }

    @Test
    void spentDeadlineFailsAsTimeoutWithoutCallingTheProvider() {
        LlmException failure = failure(() -> provider.complete(request(Duration.ZERO)));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void emptyChoicesAreAnEmptyResponse() {
        server.enqueue(Reply.json(200, "chat-completion-empty-choices.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY_RESPONSE);
    }

    @Test
    void successStatusWithANonJsonBodyIsAnEmptyResponse() {
        server.enqueue(new Reply(200, Map.of("content-type", "text/html"), "<html>captive portal</html>", Duration.ZERO));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY_RESPONSE);
    }

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OpenAiCompatibleProvider unreachable =
                     provider("groq", URI.create("http://127.0.0.1:" + closedPort + "/openai/v1"), "gsk_test")) {

            LlmException failure = failure(() -> unreachable.complete(request(Duration.ofSeconds(5))));

            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(failure.provider()).isEqualTo("groq");
        }
    }

    @Test
    void keylessProviderSendsNoAuthorizationHeader() {
        try (OpenAiCompatibleProvider ollama = provider("ollama", server.baseUrl(), "")) {
            server.enqueue(Reply.json(200, "chat-completion-no-usage.json"));

            ollama.complete(request(Duration.ofSeconds(5)));

            assertThat(server.received()).hasSize(1);
            assertThat(server.received().get(0).header("authorization")).isNull();
        }
    }

    @Test
    void toolMessageWithoutCallIdIsRejectedBeforeAnyCall() {
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.user("hi"), new ChatMessage(ChatRole.TOOL, "{}", null)),
                List.of(), 100, 0.2, Duration.ofSeconds(5), Locale.ENGLISH);

        LlmException failure = failure(() -> provider.complete(request));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void primeRunsTheClientWithoutTouchingTheNetwork() {
        provider.prime();

        assertThat(server.received()).isEmpty();
        server.enqueue(Reply.json(200, "chat-completion.json"));
        assertThat(provider.complete(request(Duration.ofSeconds(5))).text()).startsWith("Yes");
    }

    @Test
    void openAiItselfGetsMaxCompletionTokensOthersMaxTokens() {
        assertThat(ChatRequestMapper.usesMaxCompletionTokens(URI.create("https://api.openai.com/v1"))).isTrue();
        assertThat(ChatRequestMapper.usesMaxCompletionTokens(URI.create("https://api.groq.com/openai/v1"))).isFalse();
        assertThat(ChatRequestMapper.usesMaxCompletionTokens(
                URI.create("https://generativelanguage.googleapis.com/v1beta/openai/"))).isFalse();
        assertThat(ChatRequestMapper.usesMaxCompletionTokens(URI.create("http://localhost:11434/v1"))).isFalse();
    }

    @Test
    void settingsNeverPrintTheKey() {
        OpenAiCompatibleSettings settings = provider.settings();

        assertThat(settings.toString()).doesNotContain(KEY).contains("[redacted]", MODEL);
    }

    private void assertOneRequestOnly() throws InterruptedException {
        Thread.sleep(RETRY_GRACE.toMillis());
        assertThat(server.received()).hasSize(1);
    }

    private static OpenAiCompatibleProvider provider(String name, URI baseUrl, String key) {
        return new OpenAiCompatibleProvider(
                new OpenAiCompatibleSettings(name, baseUrl, key, MODEL, Duration.ofSeconds(30)), tokenCounter);
    }

    private static LlmRequest request(Duration timeout) {
        return new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You are the assistant of Sharma Travels."),
                        ChatMessage.user("Is the Fortuner available tomorrow?")),
                List.of(), 200, 0.2, timeout, Locale.ENGLISH);
    }

    private static ToolDefinition availabilityTool() {
        return new ToolDefinition("check_availability", "Checks whether a vehicle is free on a date.", """
                {"type":"object","properties":{"vehicle":{"type":"string"},"date":{"type":"string","format":"date"}},"required":["vehicle"]}""");
    }

    private static LlmException failure(Executable call) {
        try {
            call.execute();
        } catch (LlmException e) {
            return e;
        } catch (Throwable other) {
            fail("expected an LlmException but got " + other, other);
        }
        return fail("expected an LlmException but the call succeeded");
    }
}
