package dev.waagent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.domain.llm.LlmException;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BedrockTitanEmbedderTest {

    private final ObjectMapper json = new ObjectMapper();
    private FakeBedrockServer bedrock;

    @BeforeEach
    void start() throws Exception {
        bedrock = FakeBedrockServer.start();
    }

    @AfterEach
    void stop() {
        bedrock.close();
    }

    @Test
    void theEmbeddingComesBackAsAUnitVectorOfTheConfiguredLength() throws Exception {
        try (BedrockTitanEmbedder embedder = embedder(256, 1)) {
            bedrock.enqueue(FakeBedrockServer.Reply.json(titanAnswer(256, 2.0f)));

            float[] vector = embedder.embed("Kya FX3 Saturday ko available hai?");

            assertThat(vector).hasSize(256);
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            FakeBedrockServer.Received call = bedrock.received().get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.rawPath()).isEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke");
            assertThat(call.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=local/");
            JsonNode body = json.readTree(call.body());
            assertThat(body.get("inputText").asText()).isEqualTo("Kya FX3 Saturday ko available hai?");
            assertThat(body.get("dimensions").asInt()).isEqualTo(256);
            assertThat(body.get("normalize").asBoolean()).isTrue();
        }
    }

    @Test
    void theModelNameNamesModelAndLengthSoChangingEitherReEmbeds() {
        try (BedrockTitanEmbedder small = embedder(256, 1); BedrockTitanEmbedder large = embedder(1024, 1)) {
            assertThat(small.modelName()).isEqualTo("bedrock:amazon.titan-embed-text-v2:0@256");
            assertThat(large.modelName()).isEqualTo("bedrock:amazon.titan-embed-text-v2:0@1024");
            assertThat(large.dimensions()).isEqualTo(1024);
        }
    }

    @Test
    void aLengthTitanCannotReturnIsRefusedAtStartUp() {
        assertThatThrownBy(() -> embedder(300, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256, 512 or 1024");
    }

    @Test
    void embedAllSendsOneCallPerTextInOrder() {
        try (BedrockTitanEmbedder embedder = embedder(512, 1)) {
            bedrock.enqueue(FakeBedrockServer.Reply.json(titanAnswer(512, 1.0f)));
            bedrock.enqueue(FakeBedrockServer.Reply.json(titanAnswer(512, -1.0f)));

            List<float[]> vectors = embedder.embedAll(List.of("first", ""));

            assertThat(vectors).hasSize(2);
            assertThat(vectors.get(0)[0]).isPositive();
            assertThat(vectors.get(1)[0]).isNegative();
            assertThat(bedrock.received()).extracting(r -> json(r.body()).get("inputText").asText())
                    .containsExactly("first", " ");
        }
    }

    @Test
    void throttlingIsAnEmbeddingFailureThatSaysRateLimited() {
        try (BedrockTitanEmbedder embedder = embedder(256, 1)) {
            bedrock.enqueue(FakeBedrockServer.Reply.error(429, "ThrottlingException", "Too many requests, please wait before trying again."));

            assertThatThrownBy(() -> embedder.embed("hours?"))
                    .isInstanceOf(EmbeddingException.class)
                    .hasMessageContaining("ThrottlingException")
                    .cause().isInstanceOfSatisfying(LlmException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED));
            assertThat(bedrock.received()).hasSize(1);
        }
    }

    @Test
    void throttlingIsRetriedWhenAttemptsAreAllowed() {
        try (BedrockTitanEmbedder embedder = embedder(256, 3)) {
            bedrock.enqueue(FakeBedrockServer.Reply.error(429, "ThrottlingException", "slow down"));
            bedrock.enqueue(FakeBedrockServer.Reply.json(titanAnswer(256, 1.0f)));

            assertThat(embedder.embed("hours?")).hasSize(256);
            assertThat(bedrock.received()).hasSize(2);
        }
    }

    @Test
    void aVectorOfTheWrongLengthIsRefused() {
        try (BedrockTitanEmbedder embedder = embedder(512, 1)) {
            bedrock.enqueue(FakeBedrockServer.Reply.json(titanAnswer(256, 1.0f)));

            assertThatThrownBy(() -> embedder.embed("hours?")).isInstanceOf(EmbeddingException.class)
                    .hasMessageContaining("256 values, expected 512");
        }
    }

    private BedrockTitanEmbedder embedder(int dimensions, int maxAttempts) {
        return new BedrockTitanEmbedder(BedrockTitanEmbedder.DEFAULT_MODEL, "us-east-1", bedrock.endpoint(), dimensions,
                Duration.ofSeconds(5), maxAttempts);
    }

    private JsonNode json(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Titan's answer: a vector of {@code n} values (not unit length: the embedder must normalise) and a token count. */
    private static String titanAnswer(int n, float first) {
        StringJoiner values = new StringJoiner(",", "[", "]");
        values.add(Float.toString(first));
        for (int i = 1; i < n; i++) {
            values.add(Float.toString(0.01f * (i % 7)));
        }
        return "{\"embedding\":" + values + ",\"inputTextTokenCount\":9}";
    }
}
