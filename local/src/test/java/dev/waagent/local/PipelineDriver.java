package dev.waagent.local;

import dev.waagent.whatsapp.MetaSignatureVerifier;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Talks to a running local runtime the way Meta and a tester would: signed webhooks in, the outbox out. */
final class PipelineDriver {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalRuntime runtime;
    private final String appSecret;
    private final String phoneNumberId;

    PipelineDriver(LocalRuntime runtime, String appSecret, String phoneNumberId) {
        this.runtime = runtime;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
    }

    int post(byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/webhooks/whatsapp"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", MetaSignatureVerifier.sign(body, appSecret))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    int send(String customer, String text) throws IOException, InterruptedException {
        return post(textDelivery(customer, wamid(), text));
    }

    /** A message from {@code from} whose WhatsApp profile name is {@code name}. */
    int sendAs(String from, String name, String text) throws IOException, InterruptedException {
        return post(textDelivery(from, wamid(), text, name));
    }

    List<String> outboxBodies() {
        return runtime.context().getBean(LocalOutbox.class).entries().stream().map(LocalOutbox.Entry::body).toList();
    }

    /** Text replies the Graph stand-in accepted for a customer. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> textsTo(String customer) {
        JsonMapper json = runtime.context().getBean(JsonMapper.class);
        return runtime.context().getBean(LocalOutbox.class).entries().stream()
                .filter(entry -> entry.status() == 200)
                .map(entry -> {
                    try {
                        return (Map<String, Object>) json.readValue(entry.body(), Map.class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(body -> "text".equals(body.get("type")) && customer.equals(body.get("to")))
                .toList();
    }

    static String bodyOf(Map<String, Object> textMessage) {
        return String.valueOf(((Map<?, ?>) textMessage.get("text")).get("body"));
    }

    static <T> List<T> await(Supplier<List<T>> probe, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<T> found = probe.get();
        while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = probe.get();
        }
        return found;
    }

    static String customer() {
        return "9198" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L));
    }

    static String wamid() {
        return "wamid." + UUID.randomUUID();
    }

    byte[] textDelivery(String from, String wamid, String text) {
        return textDelivery(from, wamid, text, "Ravi");
    }

    byte[] textDelivery(String from, String wamid, String text, String name) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"912040001234\",\"phone_number_id\":\""
                + phoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + from + "\"}],"
                + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]},"
                + "\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
