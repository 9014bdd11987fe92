package dev.waagent.local;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server speaking OpenAI's chat-completions wire format, so the real openai-java client runs end to
 * end. Records every request body; answers "Reply n" with usage.
 */
final class OpenAiWireStub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger replies = new AtomicInteger();

    OpenAiWireStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            int n = replies.incrementAndGet();
            byte[] response = ("{\"id\":\"chatcmpl-" + n + "\",\"object\":\"chat.completion\",\"created\":1795342530,"
                    + "\"model\":\"stub-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + "\"Reply " + n + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":8,\"total_tokens\":128}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-request-id", "req_" + n);
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Request bodies received whose prompt mentions {@code text}. */
    List<String> requestsMentioning(String text) {
        return requests.stream().filter(body -> body.contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
