package dev.waagent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.bedrock.FakeBedrockServer.ErrorShape;
import dev.waagent.bedrock.FakeBedrockServer.Received;
import dev.waagent.bedrock.FakeBedrockServer.Reply;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmException.Kind;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.llm.TokenCounter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
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
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Drives the real AWS SDK client through the provider against a local server speaking Bedrock's Converse wire format. */
class BedrockConverseProviderTest {

    private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private static final String REGION = "eu-west-1";

    private static TokenCounter tokenCounter;

    private final ObjectMapper json = new ObjectMapper();
    private FakeBedrockServer server;
    private BedrockConverseProvider provider;

    @BeforeAll
    static void loadTokenizer() {
        tokenCounter = new TokenCounter();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = FakeBedrockServer.start();
        provider = provider("bedrock-test", server.endpoint(), MODEL);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    @Test
    void successfulCallReturnsTextUsageModelAndProvider() {
        server.enqueue(Reply.converse("converse-text.json"));

        LlmResponse response = provider.complete(request(Duration.ofSeconds(5)));

        assertThat(response.provider()).isEqualTo("bedrock-test");
        assertThat(response.model()).isEqualTo(MODEL);
        assertThat(response.text()).isEqualTo("Yes, the Toyota Fortuner is available tomorrow. Shall I book it for you?");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage().promptTokens()).isEqualTo(52);
        assertThat(response.usage().completionTokens()).isEqualTo(19);
        assertThat(response.usage().estimated()).isFalse();
        assertThat(response.latency()).isPositive();
        assertThat(response.needsHuman()).isFalse();
    }

    @Test
    void callGoesToTheUrlEncodedModelPathSignedForBedrockInTheRegion() {
        server.enqueue(Reply.converse("converse-text.json"));

        provider.complete(request(Duration.ofSeconds(5)));

        assertThat(server.received()).hasSize(1);
        Received received = server.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
        assertThat(received.modelId()).isEqualTo(MODEL);
        assertThat(received.header("content-type")).startsWith("application/json");
        // SigV4 with the dummy local credentials, scoped to the signing name "bedrock" and the configured region.
        assertThat(received.header("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=local/")
                .contains("/" + REGION + "/bedrock/aws4_request");
        assertThat(received.header("x-amz-date")).isNotBlank();
    }

    @Test
    void inferenceProfileArnTravelsAsOnePathSegment() {
        String arn = "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-3-5-haiku-20241022-v1:0";
        try (BedrockConverseProvider byArn = provider("bedrock-arn", server.endpoint(), arn)) {
            server.enqueue(Reply.converse("converse-text.json"));

            LlmResponse response = byArn.complete(request(Duration.ofSeconds(5)));

            Received received = server.received().get(0);
            assertThat(received.rawPath()).isEqualTo("/model/arn%3Aaws%3Abedrock%3Aeu-west-1%3A123456789012%3A"
                    + "inference-profile%2Feu.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
            assertThat(received.modelId()).isEqualTo(arn);
            assertThat(response.model()).isEqualTo(arn);
        }
    }

    @Test
    void requestCarriesSystemBlocksAlternatingTurnsInferenceConfigAndToolConfig() throws IOException {
        server.enqueue(Reply.converse("converse-text.json"));
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You rent cars for Sharma Travels."),
                        ChatMessage.system("Reply in the customer's language."),
                        ChatMessage.user("namaste"),
                        ChatMessage.user("kya FX3 available hai kal?"),
                        ChatMessage.assistant("Let me check."),
                        new ChatMessage(ChatRole.TOOL, "{\"available\":true}", "tooluse_1"),
                        ChatMessage.user("aur Innova?")),
                List.of(availabilityTool()), 300, 0.3, Duration.ofSeconds(5), Locale.forLanguageTag("hi"));

        provider.complete(request);

        assertThat(server.received()).hasSize(1);
        JsonNode body = json.readTree(server.received().get(0).body());
        assertThat(body.has("modelId")).as("the model id travels in the path only").isFalse();
        assertThat(body.path("system")).isEqualTo(json.readTree("""
                [{"text":"You rent cars for Sharma Travels."},{"text":"Reply in the customer's language."}]"""));
        assertThat(body.path("messages")).isEqualTo(json.readTree("""
                [{"role":"user","content":[{"text":"namaste"},{"text":"kya FX3 available hai kal?"}]},
                 {"role":"assistant","content":[{"text":"Let me check."}]},
                 {"role":"user","content":[{"text":"Result of tool call tooluse_1:\\n{\\"available\\":true}"},
                                           {"text":"aur Innova?"}]}]"""));
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(300);
        assertThat(body.path("inferenceConfig").path("temperature").asDouble()).isCloseTo(0.3, offset(1e-6));
        JsonNode tools = body.path("toolConfig").path("tools");
        assertThat(tools).hasSize(1);
        JsonNode spec = tools.get(0).path("toolSpec");
        assertThat(spec.path("name").asText()).isEqualTo("check_availability");
        assertThat(spec.path("description").asText()).isEqualTo("Checks whether a vehicle is free on a date.");
        assertThat(spec.path("inputSchema").path("json")).isEqualTo(json.readTree(availabilityTool().parametersJsonSchema()));
    }

    @Test
    void aToolRoundBecomesToolUseInTheAssistantTurnAndToolResultInTheNextUserTurn() throws IOException {
        server.enqueue(Reply.converse("converse-text.json"));
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You rent cameras."),
                        ChatMessage.user("price of fx3 for 2 days?"),
                        ChatMessage.assistantToolCalls("Let me check.", List.of(
                                new ToolCall("tooluse_7", "quote_price", "{\"item\":\"fx3\",\"days\":2}"))),
                        ChatMessage.toolResult("tooluse_7", "{\"total\":\"₹7,000\"}")),
                List.of(availabilityTool()), 300, 0.3, Duration.ofSeconds(5), Locale.ENGLISH);

        provider.complete(request);

        JsonNode body = json.readTree(server.received().get(0).body());
        assertThat(body.path("messages")).isEqualTo(json.readTree("""
                [{"role":"user","content":[{"text":"price of fx3 for 2 days?"}]},
                 {"role":"assistant","content":[{"text":"Let me check."},
                     {"toolUse":{"toolUseId":"tooluse_7","name":"quote_price","input":{"item":"fx3","days":2}}}]},
                 {"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_7","content":[{"text":"{\\"total\\":\\"₹7,000\\"}"}]}}]}]"""));
    }

    @Test
    void settingsFillInMaxTokensAndTemperatureTheRequestLeavesOpen() throws IOException {
        server.enqueue(Reply.converse("converse-text.json"));
        LlmRequest open = new LlmRequest("tenant-1", List.of(ChatMessage.user("hi")), List.of(), 0, Double.NaN,
                Duration.ofSeconds(5), Locale.ENGLISH);

        provider.complete(open);

        JsonNode inference = json.readTree(server.received().get(0).body()).path("inferenceConfig");
        assertThat(inference.path("maxTokens").asInt()).isEqualTo(512);
        assertThat(inference.path("temperature").asDouble()).isCloseTo(0.2, offset(1e-6));
        assertThat(json.readTree(server.received().get(0).body()).has("toolConfig")).isFalse();
        assertThat(json.readTree(server.received().get(0).body()).has("system")).isFalse();
    }

    @Test
    void temperatureAboveBedrocksRangeIsCappedAtOne() throws IOException {
        server.enqueue(Reply.converse("converse-text.json"));

        provider.complete(new LlmRequest("tenant-1", List.of(ChatMessage.user("hi")), List.of(), 100, 1.4,
                Duration.ofSeconds(5), Locale.ENGLISH));

        assertThat(json.readTree(server.received().get(0).body()).path("inferenceConfig").path("temperature").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void conversationTheBusinessOpenedStartsWithAUserTurn() throws IOException {
        server.enqueue(Reply.converse("converse-text.json"));
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You rent cars."),
                        ChatMessage.assistant("Your booking for the Innova on 11 March is confirmed."),
                        ChatMessage.user("can I add a child seat?")),
                List.of(), 100, 0.2, Duration.ofSeconds(5), Locale.ENGLISH);

        provider.complete(request);

        JsonNode messages = json.readTree(server.received().get(0).body()).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").get(0).path("text").asText())
                .isEqualTo(ConverseRequestMapper.BUSINESS_OPENED_MARKER);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
    }

    @Test
    void blankMessagesAreDroppedBecauseBedrockRefusesBlankText() throws IOException {
        server.enqueue(Reply.converse("converse-text.json"));
        LlmRequest request = new LlmRequest("tenant-1",
                List.of(ChatMessage.system(" "), ChatMessage.user("hi"), ChatMessage.assistant(""),
                        ChatMessage.user("anyone there?")),
                List.of(), 100, 0.2, Duration.ofSeconds(5), Locale.ENGLISH);

        provider.complete(request);

        JsonNode body = json.readTree(server.received().get(0).body());
        assertThat(body.has("system")).isFalse();
        assertThat(body.path("messages")).isEqualTo(json.readTree("""
                [{"role":"user","content":[{"text":"hi"},{"text":"anyone there?"}]}]"""));
    }

    @Test
    void toolUseResponseIsMappedToToolCallsWithTheInputAsJson() throws IOException {
        server.enqueue(Reply.converse("converse-tool-use.json"));

        LlmResponse response = provider.complete(request(Duration.ofSeconds(5)));

        assertThat(response.text()).isEqualTo("Let me check the Innova for tomorrow.");
        assertThat(response.toolCalls()).hasSize(1);
        ToolCall call = response.toolCalls().get(0);
        assertThat(call.id()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(call.name()).isEqualTo("check_availability");
        assertThat(json.readTree(call.argumentsJson())).isEqualTo(json.readTree("""
                {"vehicle":"Innova","date":"2025-03-11","passengers":7,"budget":2499.50,"ac":true,
                 "extras":["child seat"],"note":null}"""));
        assertThat(call.argumentsJson()).contains("\"passengers\":7", "\"budget\":2499.5");
        assertThat(response.usage().promptTokens()).isEqualTo(412);
        assertThat(response.usage().completionTokens()).isEqualTo(87);
    }

    @Test
    void reasoningBlocksAreNotPartOfTheReplyAndTextBlocksAreJoined() {
        server.enqueue(Reply.converse("converse-reasoning.json"));

        LlmResponse response = provider.complete(request(Duration.ofSeconds(5)));

        assertThat(response.text()).isEqualTo("Yes, the Fortuner is free tomorrow.\n\nWould you like me to book it?");
        assertThat(response.usage().totalTokens()).isEqualTo(200);
    }

    @Test
    void responseWithoutUsageIsEstimatedWithTheTokenCounter() {
        server.enqueue(Reply.converse("converse-no-usage.json"));
        LlmRequest request = request(Duration.ofSeconds(5));

        LlmResponse response = provider.complete(request);

        assertThat(response.text()).isEqualTo("Ji haan, Innova kal ke liye available hai.");
        assertThat(response.usage().estimated()).isTrue();
        assertThat(response.usage().promptTokens())
                .isEqualTo(tokenCounter.count(request.messages()) + tokenCounter.countTools(request.tools()));
        assertThat(response.usage().completionTokens()).isEqualTo(tokenCounter.count(response.text()));
    }

    @ParameterizedTest(name = "{1} (HTTP {0}) -> {2}")
    @CsvSource({
            "429, ThrottlingException, RATE_LIMITED",
            "400, ServiceQuotaExceededException, RATE_LIMITED",
            "429, ModelNotReadyException, UNAVAILABLE",
            "403, AccessDeniedException, MISCONFIGURED",
            "403, UnrecognizedClientException, MISCONFIGURED",
            "400, ValidationException, BAD_REQUEST",
            "404, ResourceNotFoundException, BAD_REQUEST",
            "500, InternalServerException, UNAVAILABLE",
            "503, ServiceUnavailableException, UNAVAILABLE",
            "408, ModelTimeoutException, UNAVAILABLE",
            "424, ModelErrorException, UNAVAILABLE",
            "502, SomethingNewException, UNAVAILABLE",
            "401, SomethingNewException, MISCONFIGURED",
    })
    void errorTypesMapToKindsWithExactlyOneRequest(int status, String type, Kind expected) {
        server.enqueue(Reply.error(status, type, "scripted " + type));
        // Would answer a retry: a retrying SDK would turn the failure into a success.
        server.enqueue(Reply.converse("converse-text.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.provider()).isEqualTo("bedrock-test");
        assertThat(failure.httpStatus()).contains(status);
        assertThat(failure.getMessage()).contains("code=" + type, "request-id=");
        if (status != 401) {
            // HttpURLConnection drops the body of a 401 to a streamed POST (getErrorStream() is null); AWS answers
            // authentication failures with 403, so only the header survives in this made-up case.
            assertThat(failure.getMessage()).contains("scripted " + type);
        }
        assertThat(server.received()).hasSize(1);
    }

    @ParameterizedTest(name = "type named in {0}")
    @EnumSource(ErrorShape.class)
    void errorTypeIsReadFromTheHeaderOrTheBody(ErrorShape shape) {
        server.enqueue(Reply.error(429, "ThrottlingException", "Too many requests, please wait before trying again.", shape));
        server.enqueue(Reply.converse("converse-text.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).contains("code=ThrottlingException", "Too many requests");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void throttlingIsRateLimitedWithRetryAfterAndNotRetried() {
        server.enqueue(Reply.error(429, "ThrottlingException", "Too many requests, please wait before trying again.")
                .withHeader("Retry-After", "7"));
        server.enqueue(Reply.converse("converse-text.json"));

        long start = System.nanoTime();
        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.kind().isTransient()).isTrue();
        assertThat(failure.httpStatus()).contains(429);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        // The SDK's default strategy would back off and try again inside the call.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void throttlingWithoutRetryAfterHasNoWait() {
        server.enqueue(Reply.error(429, "ThrottlingException", "Too many requests, please wait before trying again."));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void accessDeniedIsMisconfiguredAndNeverRetried() {
        server.enqueue(Reply.error(403, "AccessDeniedException",
                "You don't have access to the model with the specified model ID."));
        server.enqueue(Reply.converse("converse-text.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED);
        assertThat(failure.kind().isTransient()).isFalse();
        assertThat(failure.getMessage()).contains("You don't have access to the model");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void accessKeyIdsInErrorMessagesAreRedacted() {
        server.enqueue(Reply.error(403, "UnrecognizedClientException",
                "The security token included in the request is invalid. Credential=AKIAIOSFODNN7EXAMPLE/20250311"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.getMessage()).doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("[redacted]");
        assertThat(failure.getCause()).as("a service error's raw text is not attached").isNull();
    }

    @Test
    void nonJsonErrorBodyFromAProxyStillMapsByStatus() {
        server.enqueue(new Reply(502, Map.of("Content-Type", "text/html"),
                "<html><body><h1>502 Bad Gateway</h1></body></html>", Duration.ZERO));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.httpStatus()).contains(502);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void slowResponseBeyondTheCallTimeoutIsTimeoutAndNotRetried() {
        server.enqueue(Reply.converse("converse-text.json").after(Duration.ofSeconds(4)));
        server.enqueue(Reply.converse("converse-text.json"));
        Duration timeout = Duration.ofMillis(600);

        long start = System.nanoTime();
        LlmException failure = failure(() -> provider.complete(request(timeout)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.httpStatus()).isEmpty();
        assertThat(took).isGreaterThanOrEqualTo(timeout.minusMillis(50)).isLessThan(timeout.plusSeconds(2));
        assertThat(server.received()).hasSize(1);
        // The SDK enforces the timeout by interrupting the calling thread; the flag must not leak into the chain's
        // next step (a backoff sleep would end at once).
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void socketReadTimeoutOfTheSettingsBoundsACallWithALongerTimeout() {
        try (BedrockConverseProvider shortSocket = new BedrockConverseProvider(new BedrockSettings("bedrock-short",
                MODEL, REGION, server.endpoint(), 512, 0.2, Duration.ofMillis(500)), tokenCounter)) {
            server.enqueue(Reply.converse("converse-text.json").after(Duration.ofSeconds(3)));

            long start = System.nanoTime();
            LlmException failure = failure(() -> shortSocket.complete(request(Duration.ofSeconds(10))));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // The URL-connection client's SocketTimeoutException, wrapped in an SdkClientException by the SDK.
            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(failure.getCause()).isInstanceOf(SdkClientException.class);
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void spentDeadlineFailsAsTimeoutWithoutCallingBedrock() {
        LlmException failure = failure(() -> provider.complete(request(Duration.ZERO)));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void emptyContentAfterAContentFilterIsAnEmptyResponse() {
        server.enqueue(Reply.converse("converse-content-filtered.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY_RESPONSE);
        assertThat(server.received()).hasSize(1);
        assertThat(failure.getMessage()).contains("content_filtered");
    }

    @Test
    void blankTextIsAnEmptyResponse() {
        server.enqueue(Reply.converse("converse-blank-text.json"));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY_RESPONSE);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void responseWithoutOutputIsAnEmptyResponse() {
        server.enqueue(new Reply(200, Map.of(), "{\"stopReason\":\"end_turn\"}", Duration.ZERO));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY_RESPONSE);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void successStatusWithANonJsonBodyIsAnEmptyResponse() {
        server.enqueue(new Reply(200, Map.of("Content-Type", "text/html"), "<html>captive portal</html>", Duration.ZERO));

        LlmException failure = failure(() -> provider.complete(request(Duration.ofSeconds(5))));

        assertThat(failure.kind()).isEqualTo(Kind.EMPTY_RESPONSE);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (BedrockConverseProvider unreachable =
                     provider("bedrock-down", URI.create("http://127.0.0.1:" + closedPort), MODEL)) {

            LlmException failure = failure(() -> unreachable.complete(request(Duration.ofSeconds(5))));

            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(failure.provider()).isEqualTo("bedrock-down");
        }
    }

    @Test
    void missingCredentialsAreMisconfiguredAndNothingIsSent() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        try (BedrockConverseProvider noCredentials = new BedrockConverseProvider(
                settings("bedrock-nocreds", server.endpoint(), MODEL), tokenCounter, none, Clock.systemUTC())) {

            LlmException failure = failure(() -> noCredentials.complete(request(Duration.ofSeconds(5))));

            assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED);
            assertThat(server.received()).isEmpty();
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
    void requestWithOnlyASystemPromptIsRejectedBeforeAnyCall() {
        LlmRequest request = new LlmRequest("tenant-1", List.of(ChatMessage.system("You rent cars.")),
                List.of(), 100, 0.2, Duration.ofSeconds(5), Locale.ENGLISH);

        LlmException failure = failure(() -> provider.complete(request));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void toolWithASchemaThatIsNotJsonIsRejectedBeforeAnyCall() {
        LlmRequest request = new LlmRequest("tenant-1", List.of(ChatMessage.user("hi")),
                List.of(new ToolDefinition("broken", "broken", "{type: object")), 100, 0.2, Duration.ofSeconds(5),
                Locale.ENGLISH);

        LlmException failure = failure(() -> provider.complete(request));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void primeRunsTheClientWithoutTouchingTheNetwork() {
        provider.prime();

        assertThat(server.received()).isEmpty();
        server.enqueue(Reply.converse("converse-text.json"));
        assertThat(provider.complete(request(Duration.ofSeconds(5))).text()).startsWith("Yes");
    }

    @Test
    void primeNeedsNoCredentialsAndNoEndpoint() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };
        // As in AWS: no endpoint override, so the real regional endpoint would be called if priming leaked.
        try (BedrockConverseProvider inAws = new BedrockConverseProvider(
                new BedrockSettings("bedrock-aws", MODEL, REGION, null, 512, 0.2, Duration.ofSeconds(30)),
                tokenCounter, none, Clock.systemUTC())) {
            long start = System.nanoTime();

            inAws.prime();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static BedrockConverseProvider provider(String name, URI endpoint, String modelId) {
        return new BedrockConverseProvider(settings(name, endpoint, modelId), tokenCounter);
    }

    private static BedrockSettings settings(String name, URI endpoint, String modelId) {
        return new BedrockSettings(name, modelId, REGION, endpoint, 512, 0.2, Duration.ofSeconds(30));
    }

    private static LlmRequest request(Duration timeout) {
        return new LlmRequest("tenant-1",
                List.of(ChatMessage.system("You are the assistant of Sharma Travels."),
                        ChatMessage.user("Is the Fortuner available tomorrow?")),
                List.of(), 200, 0.2, timeout, Locale.ENGLISH);
    }

    private static ToolDefinition availabilityTool() {
        return new ToolDefinition("check_availability", "Checks whether a vehicle is free on a date.", """
                {"type":"object","properties":{"vehicle":{"type":"string"},"date":{"type":"string","format":"date"},\
                "passengers":{"type":"integer","minimum":1,"maximum":7}},"required":["vehicle"]}""");
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
