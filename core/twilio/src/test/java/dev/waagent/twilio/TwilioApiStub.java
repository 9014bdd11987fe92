package dev.waagent.twilio;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waagent.domain.channel.MalformedPayloadException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in of Twilio's Messages API on 127.0.0.1: answers scripted replies first, then behaves like Twilio
 * (201 with the message resource, 400/21604-style errors for requests Twilio would refuse, 404 for other paths), and
 * records every request.
 */
final class TwilioApiStub implements AutoCloseable {

    private static final Pattern MESSAGES_PATH = Pattern.compile("/2010-04-01/Accounts/(AC[0-9A-Za-z]{32})/Messages\\.json");

    record Recorded(String method, String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        Map<String, List<String>> form() {
            return FormEncoding.decode(body);
        }

        String param(String name) {
            List<String> values = form().get(name);
            return values == null ? null : values.get(0);
        }
    }

    record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {
        static Reply json(int status, byte[] body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        static Reply error(int status, int code, String message) {
            return json(status, TwilioMessagesApi.error(code, message, status));
        }

        static Reply text(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/html"), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    TwilioApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    TwilioApiStub reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            requests.add(recorded);
            Reply reply = replies.poll();
            if (reply == null) {
                reply = likeTwilio(recorded);
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private static Reply likeTwilio(Recorded request) {
        Matcher path = MESSAGES_PATH.matcher(request.path());
        if (!"POST".equals(request.method()) || !path.matches()) {
            return Reply.error(404, 20404, "The requested resource was not found");
        }
        if (request.header("Authorization") == null || !request.header("Authorization").startsWith("Basic ")) {
            return Reply.error(401, TwilioErrorCodes.AUTHENTICATION, "Authenticate");
        }
        try {
            TwilioMessagesApi.CreateRequest create = TwilioMessagesApi.parseCreateRequest(request.body());
            return Reply.json(201, TwilioMessagesApi.messageResource(path.group(1), TwilioMessagesApi.newMessageSid(), create,
                    Instant.parse("2026-01-15T10:00:00Z")));
        } catch (MalformedPayloadException e) {
            return Reply.error(400, 21604, e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
