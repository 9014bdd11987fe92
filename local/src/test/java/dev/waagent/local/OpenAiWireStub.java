package dev.waagent.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server speaking OpenAI's chat-completions wire format, so the real openai-java client runs end to
 * end: success with usage, and the error answers OpenAI gives (429 with Retry-After, 500, 401 invalid key,
 * a hung response). Records every request body and when it came.
 */
final class OpenAiWireStub implements AutoCloseable {

    /** How the stub answers, switchable while running. */
    enum Mode { OK, SERVER_ERROR, RATE_LIMITED, INVALID_KEY, HANG }

    record Request(String body, Instant at) {
    }

    private final HttpServer server;
    private final String name;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger replies = new AtomicInteger();
    private volatile Mode mode = Mode.OK;
    /** Off: answers carry no usage, so the client counts the prompt with the project's token counter. */
    private volatile boolean reportUsage = true;
    /** Assistant {@code message} objects (JSON) answered in order before the default reply; see {@link #script}. */
    private final java.util.Queue<String> scripted = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Answers to intent classifications, in order; see {@link #scriptClassification}. */
    private final java.util.Queue<String> scriptedClassifications = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<Request> classifications = new CopyOnWriteArrayList<>();
    private static final String CLASSIFIER_OPENING = "You label a customer's WhatsApp messages";
    /** While positive, answers 429 this many more times, then goes back to OK. */
    private final AtomicInteger rateLimitedLeft = new AtomicInteger();

    OpenAiWireStub() {
        this("stub");
    }

    OpenAiWireStub(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        // Intent classifications (the router's LLM stage) are kept apart from reply generations: tests count and
        // script the replies, and a classification answers from its own script (prose by default, which the
        // router does not accept, so the rules stand).
        boolean classification = body.contains(CLASSIFIER_OPENING);
        (classification ? classifications : requests).add(new Request(body, Instant.now()));
        Mode now = rateLimitedLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Mode.RATE_LIMITED : mode;
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-request-id", "req_" + requests.size());
        switch (now) {
            case OK -> {
                int n = replies.incrementAndGet();
                String next = classification ? scriptedClassifications.poll() : scripted.poll();
                String message = next != null ? next : "{\"role\":\"assistant\",\"content\":\"" + name + " reply " + n + "\"}";
                send(exchange, 200, "{\"id\":\"chatcmpl-" + n + "\",\"object\":\"chat.completion\",\"created\":1795342530,"
                        + "\"model\":\"stub-model\",\"choices\":[{\"index\":0,\"message\":" + message
                        + ",\"finish_reason\":\"" + (message.contains("tool_calls") ? "tool_calls" : "stop") + "\"}]"
                        + (reportUsage ? ",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":8,\"total_tokens\":128}}" : "}"));
            }
            case SERVER_ERROR -> send(exchange, 500, "{\"error\":{\"message\":\"The server had an error while processing your "
                    + "request. Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("retry-after", "1");
                exchange.getResponseHeaders().add("x-ratelimit-limit-requests", "3");
                exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", "0");
                send(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached for stub-model in organization org-stub on "
                        + "requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s.\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
            }
            case INVALID_KEY -> send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test***. You can "
                    + "find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
                    + "\"param\":null,\"code\":\"invalid_api_key\"}}");
            case HANG -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The next answers, in order: each an assistant message object, e.g. with {@code tool_calls}. */
    void script(String... messages) {
        scripted.addAll(List.of(messages));
    }

    /** The next intent classifications' answers (assistant message objects), in order. */
    void scriptClassification(String... messages) {
        scriptedClassifications.addAll(List.of(messages));
    }

    /** Intent classification requests received (not counted among {@link #requests()}). */
    List<Request> classifications() {
        return List.copyOf(classifications);
    }

    static String say(String text) {
        return "{\"role\":\"assistant\",\"content\":\"" + text.replace("\"", "\\\"") + "\"}";
    }

    static String callTool(String id, String name, String argumentsJson) {
        return "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + id + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"" + name + "\",\"arguments\":\"" + argumentsJson.replace("\"", "\\\"") + "\"}}]}";
    }

    void reportUsage(boolean report) {
        this.reportUsage = report;
    }

    void rateLimitNext(int times) {
        rateLimitedLeft.set(times);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Reply generations received (intent classifications not included). */
    int requestCount() {
        return requests.size();
    }

    /** Every call received: reply generations and intent classifications. */
    int callCount() {
        return requests.size() + classifications.size();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Request bodies received whose prompt mentions {@code text}. */
    List<String> requestsMentioning(String text) {
        return requests.stream().map(Request::body).filter(body -> body.contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
