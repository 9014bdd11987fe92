package dev.waagent.bedrock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Bedrock Runtime's {@code POST /model/{modelId}/converse} (and {@code /invoke}, InvokeModel,
 * e.g. Titan embeddings) that answers as Bedrock does: JSON
 * bodies, {@code x-amzn-RequestId}, and errors as the restJson1 protocol carries them (the error type in the
 * {@code x-amzn-ErrorType} header, with Bedrock's {@code :http://internal.amazon.com/coral/...} suffix, and/or as
 * {@code __type} in the body, the message as {@code message}). Replies are scripted per test and every request is
 * recorded as received. Shipped in this module's test jar, so the local runtime's scenarios drive the worker's Bedrock
 * provider against it too.
 */
public final class FakeBedrockServer implements AutoCloseable {

    private static final Pattern CONVERSE_PATH = Pattern.compile("/model/([^/]+)/(?:converse|invoke)");
    private static final String CORAL_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    /** Where an error reply names its type. Bedrock itself sends the header; the SDK also reads {@code __type}. */
    public enum ErrorShape { HEADER, BODY, HEADER_AND_BODY }

    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {

        public static Reply converse(String fixture) {
            return new Reply(200, Map.of(), fixture(fixture), Duration.ZERO);
        }

        /** A 200 with this JSON body (an InvokeModel answer is the model's own JSON). */
        public static Reply json(String body) {
            return new Reply(200, Map.of(), body, Duration.ZERO);
        }

        public static Reply error(int status, String type, String message, ErrorShape shape) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (shape != ErrorShape.BODY) {
                headers.put("x-amzn-ErrorType", type + CORAL_SUFFIX);
            }
            String body = shape == ErrorShape.HEADER
                    ? "{\"message\":\"" + message + "\"}"
                    : "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
            return new Reply(status, headers, body, Duration.ZERO);
        }

        /** Bedrock's error as it arrives: type in the header, {@code {"message":…}} body. */
        public static Reply error(int status, String type, String message) {
            return error(status, type, message, ErrorShape.HEADER);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    /**
     * @param rawPath the path as sent, still percent-encoded
     * @param modelId the model id decoded from the path; null when the path is not a Converse or InvokeModel path
     */
    public record Received(String method, String rawPath, String modelId, Map<String, List<String>> headers, String body) {

        /** First value of a header, by case-insensitive name; null when absent. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeBedrockServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static FakeBedrockServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool();
        FakeBedrockServer fake = new FakeBedrockServer(server, executor);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        return fake;
    }

    /** The endpoint override a provider's settings name. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void enqueue(Reply reply) {
        replies.add(reply);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public static String fixture(String name) {
        try (InputStream in = FakeBedrockServer.class.getResourceAsStream("/bedrock/" + name)) {
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
            String rawPath = exchange.getRequestURI().getRawPath();
            Matcher converse = CONVERSE_PATH.matcher(rawPath);
            String modelId = converse.matches() ? URLDecoder.decode(converse.group(1), StandardCharsets.UTF_8) : null;
            received.add(new Received(exchange.getRequestMethod(), rawPath, modelId, headers, body));

            Reply reply;
            if (modelId == null || !"POST".equals(exchange.getRequestMethod())) {
                reply = Reply.error(404, "UnknownOperationException", "Unknown operation");
            } else {
                reply = replies.poll();
                if (reply == null) {
                    reply = Reply.error(500, "InternalServerException", "no reply scripted for this request");
                }
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
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
