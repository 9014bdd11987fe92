package dev.waagent.load;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.whatsapp.MetaSignatureVerifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The few HTTP calls the harness makes to the local runtime. Thread-safe. */
public final class RuntimeClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;

    /** Outcome of one webhook post: HTTP status (or -1 for an I/O error or timeout), body, and latency. */
    public record Ack(int status, String body, long latencyNanos, String error) {
        public boolean ok() {
            return status == 200;
        }
    }

    public RuntimeClient(URI base, Duration requestTimeout) {
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI base() {
        return base;
    }

    /** {@code GET /health} answered 200. Never throws for a runtime that is down. */
    public boolean healthy() {
        try {
            HttpResponse<Void> response = http.send(get("/health", Duration.ofSeconds(2)), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<Tenant> tenants() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(get("/local/tenants", requestTimeout), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET /local/tenants answered " + response.statusCode());
        }
        return JSON.readValue(response.body(), new TypeReference<List<Tenant>>() {
        });
    }

    /** Header with which a runtime confirms it honoured {@code ?after=N}: the index of the first entry returned. */
    public static final String OUTBOX_AFTER_HEADER = "X-Outbox-After";

    /**
     * One read of the outbox.
     *
     * @param json  the JSON array as returned
     * @param after index of its first entry when the runtime honoured {@code ?after=}, else {@code null} (the whole
     *              outbox from index 0)
     */
    public record OutboxPage(byte[] json, Integer after) {
    }

    /**
     * {@code GET /local/outbox?after=N}: a runtime that supports it returns only entries from index N on and says so in
     * {@value #OUTBOX_AFTER_HEADER}; one that does not ignores the parameter and returns everything.
     */
    public OutboxPage outbox(int after) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(get("/local/outbox?after=" + after, Duration.ofSeconds(30)),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET /local/outbox answered " + response.statusCode());
        }
        Integer honoured = response.headers().firstValue(OUTBOX_AFTER_HEADER).map(v -> {
            try {
                return Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        return new OutboxPage(response.body(), honoured);
    }

    /** Posts one signed delivery exactly as Meta would; I/O errors and timeouts come back as status -1. */
    public Ack postWebhook(SignedWebhook webhook) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(MetaSignatureVerifier.HEADER, webhook.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Ack(response.statusCode(), response.body(), System.nanoTime() - start, null);
        } catch (IOException e) {
            return new Ack(-1, null, System.nanoTime() - start, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private HttpRequest get(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
    }
}
