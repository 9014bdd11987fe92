package dev.waagent.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.channel.ChannelError;
import dev.waagent.whatsapp.internal.Json;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * An error object of the WhatsApp Cloud (Graph) API. The same shape appears in two places:
 * <ul>
 *   <li>the body of a refused API call: {@code {"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}};</li>
 *   <li>{@code errors[]} items of webhooks (failed statuses, unsupported messages, value-level errors):
 *       {@code {"code","title","message","error_data":{"details"},"href"}}.</li>
 * </ul>
 * Every field but {@code code} is optional; {@code code} is {@code null} only when the platform sent none.
 */
public record GraphApiError(
        Integer code,
        Integer errorSubcode,
        String type,
        String message,
        String title,
        String details,
        String fbtraceId,
        String href) {

    /** Invalid parameter. */
    public static final int INVALID_PARAMETER = 100;
    /** Access token expired or invalid. */
    public static final int ACCESS_TOKEN = 190;
    /** Application request limit reached. */
    public static final int APP_RATE_LIMIT = 4;
    /** WhatsApp Business Account rate limit. */
    public static final int WABA_RATE_LIMIT = 80007;
    /** Cloud API throughput reached for the business number. */
    public static final int THROUGHPUT_LIMIT = 130429;
    /** Pair rate limit: too many messages to the same customer in a short time. */
    public static final int PAIR_RATE_LIMIT = 131056;
    /** Register/deregister rate limit. */
    public static final int REGISTRATION_RATE_LIMIT = 133016;
    /** The 24-hour customer service window is closed; only templates may be sent. */
    public static final int RE_ENGAGEMENT = 131047;

    private static final Set<Integer> THROTTLING = Set.of(APP_RATE_LIMIT, WABA_RATE_LIMIT, THROUGHPUT_LIMIT,
            PAIR_RATE_LIMIT, REGISTRATION_RATE_LIMIT);

    /**
     * Reads an error from a response or webhook body: either the Graph envelope {@code {"error":{…}}} or a bare error
     * object. Empty when the body is not JSON or carries no error object (e.g. an HTML page from a proxy).
     */
    public static Optional<GraphApiError> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return fromJson(Json.MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #parse(byte[])} for an already parsed tree. */
    public static Optional<GraphApiError> fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode envelope = Json.object(root, "error");
        if (envelope != null) {
            return Optional.of(fromErrorObject(envelope));
        }
        if (root.has("code") || root.has("title") || root.has("error_data")) {
            return Optional.of(fromErrorObject(root));
        }
        return Optional.empty();
    }

    /** Maps one error object (the inside of the envelope, or one {@code errors[]} item). */
    public static GraphApiError fromErrorObject(JsonNode error) {
        JsonNode data = Json.object(error, "error_data");
        // Some payloads put "details" next to the code instead of under error_data (seen in SDK fixtures).
        String details = Json.firstNonBlank(Json.text(data, "details"), Json.text(error, "details"));
        return new GraphApiError(
                Json.integer(error, "code").orElse(null),
                Json.integer(error, "error_subcode").orElse(null),
                Json.nonBlank(error, "type"),
                Json.nonBlank(error, "message"),
                Json.nonBlank(error, "title"),
                details,
                Json.nonBlank(error, "fbtrace_id"),
                Json.nonBlank(error, "href"));
    }

    /** A Graph error as a stand-in would return it, e.g. {@code of(131047, "OAuthException", "Re-engagement message", "…")}. */
    public static GraphApiError of(int code, String type, String message, String details) {
        return new GraphApiError(code, null, type, message, null, details, null, null);
    }

    /** The code as text for {@link ChannelError} and {@code ChannelSendException.errorCode()}; {@code "unknown"} when absent. */
    public String codeText() {
        return code == null ? "unknown" : code.toString();
    }

    /** Throttling codes: waiting and retrying the same request may succeed. */
    public boolean isThrottling() {
        return code != null && THROTTLING.contains(code);
    }

    /** The pair rate limit (one customer), which Meta asks to retry after 4^X seconds. */
    public boolean isPairRateLimit() {
        return code != null && code == PAIR_RATE_LIMIT;
    }

    /** The normalized form used in {@code DeliveryStatusUpdate} and {@code ChannelNotice}. */
    public ChannelError toChannelError() {
        String heading = Json.firstNonBlank(title, message);
        String detail = Json.firstNonBlank(details, message != null && !message.equals(heading) ? message : null);
        return new ChannelError(codeText(), heading, detail);
    }

    /** A log-safe one-liner: codes, type, title and trace id, never free text that could quote a customer. */
    public String summary() {
        StringBuilder out = new StringBuilder("code=").append(codeText());
        if (errorSubcode != null) {
            out.append(" subcode=").append(errorSubcode);
        }
        if (type != null) {
            out.append(" type=").append(type);
        }
        String heading = Json.firstNonBlank(title, message);
        if (heading != null) {
            out.append(" title=\"").append(heading.length() > 120 ? heading.substring(0, 120) + "…" : heading).append('"');
        }
        if (fbtraceId != null) {
            out.append(" fbtrace_id=").append(fbtraceId);
        }
        return out.toString();
    }

    /** The Graph API response envelope {@code {"error":{…}}}, as a local stand-in of the API would send it. */
    public ObjectNode toEnvelope() {
        ObjectNode error = Json.MAPPER.createObjectNode();
        putIfPresent(error, "message", message);
        putIfPresent(error, "type", type);
        if (code != null) {
            error.put("code", code);
        }
        if (details != null) {
            error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        if (errorSubcode != null) {
            error.put("error_subcode", errorSubcode);
        }
        putIfPresent(error, "title", title);
        putIfPresent(error, "href", href);
        putIfPresent(error, "fbtrace_id", fbtraceId);
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.set("error", error);
        return envelope;
    }

    /** {@link #toEnvelope()} serialized as UTF-8 JSON. */
    public byte[] toEnvelopeBytes() {
        try {
            return Json.MAPPER.writeValueAsBytes(toEnvelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a Graph error", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
