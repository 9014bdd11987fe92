package dev.waagent.knowledge;

import com.sun.net.httpserver.HttpServer;
import dev.waagent.domain.knowledge.EmbeddingException;
import io.micronaut.core.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remote embedder against a server speaking OpenAI's embeddings wire format. */
class OpenAiEmbedderTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            String answer = status != 200
                    ? "{\"error\":{\"message\":\"nope\",\"type\":\"invalid_request_error\"}}"
                    : "{\"object\":\"list\",\"model\":\"m\",\"data\":["
                    + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.0,3.0,4.0]},"
                    + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0,0.0,0.0]}],"
                    + "\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksForPlainFloatsAndReturnsUnitVectorsInInputOrder() {
        try (OpenAiEmbedder embedder = new OpenAiEmbedder(settings(null))) {
            List<float[]> vectors = embedder.embedAll(List.of("first", "second"));

            assertThat(requests.get(0)).contains("\"encoding_format\":\"float\"").contains("\"model\":\"nomic-embed-text\"");
            assertThat(vectors.get(0)).containsExactly(1f, 0f, 0f);
            assertThat(vectors.get(1)).containsExactly(0f, 0.6f, 0.8f);
            assertThat(embedder.modelName()).isEqualTo("openai:nomic-embed-text");
        }
    }

    @Test
    void aRequestedVectorLengthIsSentAndPartOfTheModelName() {
        try (OpenAiEmbedder embedder = new OpenAiEmbedder(settings(3))) {
            embedder.embedAll(List.of("a", "b"));

            assertThat(requests.get(0)).contains("\"dimensions\":3");
            assertThat(embedder.modelName()).isEqualTo("openai:nomic-embed-text@3");
            assertThat(embedder.dimensions()).isEqualTo(3);
        }
    }

    @Test
    void aServerErrorBecomesAnEmbeddingException() {
        status = 400;
        try (OpenAiEmbedder embedder = new OpenAiEmbedder(settings(null))) {
            assertThatThrownBy(() -> embedder.embed("x")).isInstanceOf(EmbeddingException.class)
                    .hasMessageContaining("127.0.0.1");
        }
    }

    private OpenAiEmbeddingSettings settings(Integer dimensions) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        return new OpenAiEmbeddingSettings() {
            public URI getBaseUrl() {
                return base;
            }

            @Nullable
            public String getApiKey() {
                return null; // a local server needs no key
            }

            public String getModel() {
                return "nomic-embed-text";
            }

            @Nullable
            public Integer getDimensions() {
                return dimensions;
            }

            public Duration getTimeout() {
                return Duration.ofSeconds(5);
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
