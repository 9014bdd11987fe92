package dev.waagent.local;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.ingest.IngestResult;
import dev.waagent.ingest.WhatsAppIngestService;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chat simulator at {@code /}: type as a customer of a tenant and watch the replies, with the provider, route,
 * tokens, cost and latency of each. Messages go through the same signed webhook path Meta uses.
 */
@Controller
public class ChatSimulatorController {

    /** What the page sends. */
    @Serdeable
    public record ChatMessageIn(String tenantId, String customer, String name, String text) {
    }

    private final TenantDirectory tenants;
    private final ConversationStore conversations;
    private final WhatsAppIngestService ingest;
    private final JsonMapper json;
    private final ResourceResolver resources;
    private final String appSecret;

    public ChatSimulatorController(TenantDirectory tenants, ConversationStore conversations, WhatsAppIngestService ingest,
                                   JsonMapper json, ResourceResolver resources,
                                   @Value("${wa.secrets.meta-app-secret}") String appSecret) {
        this.tenants = tenants;
        this.conversations = conversations;
        this.ingest = ingest;
        this.json = json;
        this.resources = resources;
        this.appSecret = appSecret;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public String page() {
        try (InputStream in = resources.getResourceAsStream("classpath:simulator/index.html").orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a customer message through the webhook exactly as Meta would deliver it (signed, same bytes verified). */
    @Post(value = "/local/chat", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> send(@Body ChatMessageIn message) throws IOException {
        Tenant tenant = tenants.findById(message.tenantId()).orElse(null);
        if (tenant == null || message.customer() == null || message.customer().isBlank() || message.text() == null
                || message.text().isBlank()) {
            return HttpResponse.badRequest(Map.of("error", "tenantId, customer and text are required"));
        }
        String wamid = "wamid.SIM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> delivery = Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of(
                "id", "0", "changes", List.of(Map.of("field", "messages", "value", Map.of(
                        "messaging_product", "whatsapp",
                        "metadata", Map.of("display_phone_number", String.valueOf(tenant.displayPhoneNumber()),
                                "phone_number_id", tenant.businessNumberId()),
                        "contacts", List.of(Map.of("profile", Map.of("name", message.name() == null ? "Simulator" : message.name()),
                                "wa_id", message.customer())),
                        "messages", List.of(Map.of("from", message.customer(), "id", wamid,
                                "timestamp", Long.toString(Instant.now().getEpochSecond()), "type", "text",
                                "text", Map.of("body", message.text())))))))));
        byte[] body = json.writeValueAsBytes(delivery);
        IngestResult result = ingest.receive(body, MetaSignatureVerifier.sign(body, appSecret));
        return HttpResponse.ok(Map.of("status", result.status(), "messageId", wamid));
    }

    /** The conversation as stored, oldest first, with each reply's accounting. */
    @Get(value = "/local/conversation", produces = MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> conversation(@QueryValue String tenantId, @QueryValue String customer) {
        return conversations.load(new ConversationKey(tenantId, customer), 50).recentMessages().stream()
                .map(ChatSimulatorController::view).toList();
    }

    private static Map<String, Object> view(StoredMessage message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("direction", message.direction().name());
        view.put("text", message.text() == null ? "" : message.text());
        view.put("at", message.receivedAt().toString());
        view.put("answeredBy", message.answeredBy() == null ? "" : message.answeredBy());
        view.put("delivery", message.deliveryState() == null ? "" : message.deliveryState().name());
        if (!message.isInbound()) {
            var a = message.accounting();
            view.put("provider", a.provider() == null ? "" : a.provider());
            view.put("model", a.model() == null ? "" : a.model());
            view.put("route", a.route() == null ? "" : a.route());
            view.put("complexity", a.complexity() == null ? "" : a.complexity());
            view.put("tokens", a.promptTokens() + "/" + a.completionTokens());
            view.put("costUsd", a.costUsd());
            view.put("latencyMs", a.latencyMillis());
            view.put("cacheHit", a.cacheHit());
        }
        return view;
    }
}
