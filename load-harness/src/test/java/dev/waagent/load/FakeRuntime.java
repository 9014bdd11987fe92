package dev.waagent.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waagent.whatsapp.MetaSignatureVerifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in of the local runtime's HTTP contract (health, tenants, signed webhook, outbox) on the JDK HTTP server, with
 * faults to inject: a reply sent twice, a reply never sent, a reply from the wrong tenant, replays not deduplicated.
 */
final class FakeRuntime implements AutoCloseable {

    static final String SECRET = "test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Tenant> TENANTS = List.of(
            new Tenant("pune-cameras", "Pune Camera Rentals", "whatsapp", "111000111", "+91 20 0000 0000"),
            new Tenant("jakarta-cars", "Jakarta Used Cars", "whatsapp", "222000222", "+62 21 0000 0000"));

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<ObjectNode> outbox = new ArrayList<>();

    Predicate<String> replyTwice = wamid -> false;
    Predicate<String> neverReply = wamid -> false;
    Predicate<String> replyFromOtherTenant = wamid -> false;
    Predicate<String> storeThenAnswer500 = wamid -> false;
    boolean deduplicate = true;
    /** Answer {@code ?after=N} with the entries from N on, as a runtime with incremental reads would. */
    boolean honourAfter;
    final AtomicInteger outboxReads = new AtomicInteger();

    FakeRuntime() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/health", ex -> respond(ex, 200, "{\"status\":\"UP\"}"));
        server.createContext("/local/tenants", ex -> respond(ex, 200, JSON.writeValueAsString(TENANTS)));
        server.createContext("/local/outbox", ex -> {
            String query = ex.getRequestURI().getQuery();
            int after = honourAfter && query != null && query.startsWith("after=")
                    ? Integer.parseInt(query.substring("after=".length())) : 0;
            String body;
            synchronized (outbox) {
                body = JSON.writeValueAsString(outbox.subList(Math.min(after, outbox.size()), outbox.size()));
            }
            outboxReads.incrementAndGet();
            if (honourAfter) {
                ex.getResponseHeaders().set(RuntimeClient.OUTBOX_AFTER_HEADER, Integer.toString(after));
            }
            respond(ex, 200, body);
        });
        server.createContext("/webhooks/whatsapp", this::webhook);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void webhook(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        String signature = ex.getRequestHeaders().getFirst(MetaSignatureVerifier.HEADER);
        if (!new MetaSignatureVerifier().verify(raw, signature, SECRET)) {
            respond(ex, 401, "{\"error\":\"bad signature\"}");
            return;
        }
        JsonNode value = JSON.readTree(raw).path("entry").path(0).path("changes").path(0).path("value");
        String phoneNumberId = value.path("metadata").path("phone_number_id").asText();
        JsonNode message = value.path("messages").path(0);
        String wamid = message.path("id").asText();
        String from = message.path("from").asText();
        boolean fresh = seen.add(wamid);
        if (fresh || !deduplicate) {
            worker.schedule(() -> deliver(phoneNumberId, from, wamid), 1, TimeUnit.MILLISECONDS);
        }
        if (fresh && storeThenAnswer500.test(wamid)) {
            respond(ex, 500, "{\"error\":\"enqueue timed out\"}");
            return;
        }
        respond(ex, 200, "{\"messages\":1,\"duplicates\":" + (fresh ? 0 : 1) + ",\"statuses\":0}");
    }

    private void deliver(String phoneNumberId, String customer, String wamid) {
        add(phoneNumberId, JSON.createObjectNode().put("messaging_product", "whatsapp").put("status", "read")
                .put("message_id", wamid));
        if (neverReply.test(wamid)) {
            return;
        }
        String from = replyFromOtherTenant.test(wamid)
                ? TENANTS.stream().map(Tenant::phoneNumberId).filter(id -> !id.equals(phoneNumberId)).findFirst().orElseThrow()
                : phoneNumberId;
        int copies = replyTwice.test(wamid) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            ObjectNode reply = JSON.createObjectNode().put("messaging_product", "whatsapp")
                    .put("recipient_type", "individual").put("to", customer);
            reply.putObject("context").put("message_id", wamid);
            reply.put("type", "text");
            reply.putObject("text").put("preview_url", false).put("body", "Thanks, we will get back to you.");
            add(from, reply);
        }
    }

    private void add(String phoneNumberId, ObjectNode body) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("path", "/v23.0/" + phoneNumberId + "/messages");
        entry.put("body", body.toString());
        entry.put("time", Instant.now().toString());
        entry.put("status", 200);
        entry.put("response", "{}");
        synchronized (outbox) {
            outbox.add(entry);
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        worker.shutdownNow();
    }
}
