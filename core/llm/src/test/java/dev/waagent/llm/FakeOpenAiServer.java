package dev.waagent.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for {@code POST /v1/chat/completions} that answers as OpenAI does: JSON bodies, OpenAI's
 * error envelope, {@code x-request-id}, rate-limit and {@code retry-after} headers. Replies are scripted per
 * test and every request is recorded as received.
 */
final class FakeOpenAiServer implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        static Reply json(int status, String fixture) {
            return new Reply(status, Map.of(), fixture(fixture), Duration.ZERO);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        /** First value of a header, by case-insensitive name; null when absent. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestIds = new AtomicInteger();

    private FakeOpenAiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeOpenAiServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool();
        FakeOpenAiServer fake = new FakeOpenAiServer(server, executor);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        return fake;
    }

    /** The API root, as a provider's settings name it ({@code …/v1}). */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    void enqueue(Reply reply) {
        replies.add(reply);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    static String fixture(String name) {
        try (InputStream in = FakeOpenAiServer.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));

            Reply reply = replies.poll();
            if (reply == null) {
                reply = new Reply(500, Map.of(), """
                        {"error":{"message":"no reply scripted for this request","type":"server_error","param":null,"code":null}}""",
                        Duration.ZERO);
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!reply.headers().containsKey("content-type")) {
                exchange.getResponseHeaders().add("content-type", "application/json");
            }
            exchange.getResponseHeaders().add("x-request-id", "req_" + requestIds.incrementAndGet());
            exchange.getResponseHeaders().add("openai-processing-ms", "412");
            exchange.getResponseHeaders().add("x-ratelimit-limit-requests", "10000");
            exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", reply.status() == 429 ? "0" : "9999");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // The client timed out and closed the connection while we were "thinking": expected in timeout tests.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
