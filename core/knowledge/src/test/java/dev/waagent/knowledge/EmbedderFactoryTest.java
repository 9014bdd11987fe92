package dev.waagent.knowledge;

import com.sun.net.httpserver.HttpServer;
import dev.waagent.bedrock.BedrockTitanEmbedder;
import dev.waagent.domain.knowledge.Embedder;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wa.embeddings.provider} picks the process's embedder; Bedrock is called as Bedrock Runtime is. */
class EmbedderFactoryTest {

    private HttpServer bedrock;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBedrockStub() throws Exception {
        bedrock = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bedrock.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            exchange.getRequestBody().readAllBytes();
            String vector = IntStream.range(0, 256).mapToObj(i -> i == 0 ? "1.0" : "0.0").collect(Collectors.joining(","));
            byte[] body = ("{\"embedding\":[" + vector + "],\"inputTextTokenCount\":3}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        bedrock.start();
    }

    @AfterEach
    void stop() {
        bedrock.stop(0);
    }

    @Test
    void providerBedrockSelectsTitanWithTheConfiguredModelAndLength() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "wa.embeddings.provider", "bedrock",
                "wa.embeddings.bedrock.endpoint-override", "http://127.0.0.1:" + bedrock.getAddress().getPort(),
                "wa.embeddings.bedrock.dimensions", "256",
                "aws.region", "ap-south-1"))) {
            Embedder embedder = context.getBean(Embedder.class);

            assertThat(embedder).isInstanceOf(CachingEmbedder.class);
            assertThat(((CachingEmbedder) embedder).delegate()).isInstanceOf(BedrockTitanEmbedder.class);
            assertThat(embedder.modelName()).isEqualTo("bedrock:amazon.titan-embed-text-v2:0@256");
            assertThat(embedder.dimensions()).isEqualTo(256);
            assertThat(embedder.embed("Apakah Avanza masih ada?")).hasSize(256).startsWith(1.0f);
            assertThat(paths).containsExactly("/model/amazon.titan-embed-text-v2%3A0/invoke");
        }
    }

    @Test
    void anotherTitanModelIdIsAnotherStoredModelName() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "wa.embeddings.provider", "bedrock",
                "wa.embeddings.bedrock.model-id", "amazon.titan-embed-text-v1",
                "wa.embeddings.bedrock.region", "us-east-1",
                "wa.embeddings.bedrock.endpoint-override", "http://127.0.0.1:" + bedrock.getAddress().getPort()))) {
            assertThat(context.getBean(Embedder.class).modelName()).isEqualTo("bedrock:amazon.titan-embed-text-v1@1024");
        }
    }
}
