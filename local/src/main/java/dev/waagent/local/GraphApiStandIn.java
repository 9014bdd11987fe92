package dev.waagent.local;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Stands in for {@code POST /{version}/{phone_number_id}/messages} of the WhatsApp Cloud API: checks the token
 * and the request shape the way Meta does, answers with Meta's response and error bodies, and records every
 * request in the {@link LocalOutbox}.
 */
@Controller("/graph")
public class GraphApiStandIn {

    static final int TEXT_BODY_LIMIT = 4096;

    private final LocalOutbox outbox;
    private final JsonMapper json;
    private final GraphFaults faults;

    public GraphApiStandIn(LocalOutbox outbox, JsonMapper json, GraphFaults faults) {
        this.outbox = outbox;
        this.json = json;
        this.faults = faults;
    }

    @Post(value = "/{version}/{phoneNumberId}/messages", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> messages(@PathVariable String version, @PathVariable String phoneNumberId,
                                         @Header("Authorization") @Nullable String authorization,
                                         @Body @Nullable byte[] rawBody) {
        String path = "/" + version + "/" + phoneNumberId + "/messages";
        String body = rawBody == null ? "" : new String(rawBody, StandardCharsets.UTF_8);
        HttpResponse<String> response = answer(authorization, body);
        outbox.add(new LocalOutbox.Entry(path, body, Instant.now(), response.code(), response.body()));
        return response;
    }

    private HttpResponse<String> answer(String authorization, String body) {
        if (authorization == null || !authorization.equals("Bearer " + LocalOptions.DEFAULT_ACCESS_TOKEN)) {
            return error(HttpStatus.UNAUTHORIZED, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token");
        }
        JsonNode request;
        try {
            request = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, 100, "OAuthException", "Invalid parameter: body is not JSON");
        }
        if (request == null || !request.isObject() || !"whatsapp".equals(text(request, "messaging_product"))) {
            return error(HttpStatus.BAD_REQUEST, 100, "OAuthException", "(#100) The parameter messaging_product is required.");
        }
        if ("read".equals(text(request, "status"))) {
            return text(request, "message_id") == null
                    ? error(HttpStatus.BAD_REQUEST, 100, "OAuthException", "(#100) The parameter message_id is required.")
                    : HttpResponse.ok("{\"success\":true}");
        }
        String to = text(request, "to");
        if (to == null || to.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, 100, "OAuthException", "(#100) The parameter to is required.");
        }
        GraphFaults.Fault fault = faults.next(to);
        if (fault != null) {
            return error(HttpStatus.valueOf(fault.httpStatus()), fault.code(), "OAuthException", fault.message());
        }
        String type = text(request, "type");
        if (type == null) {
            type = "text";
        }
        if ("text".equals(type)) {
            JsonNode textNode = request.get("text");
            String textBody = textNode == null ? null : text(textNode, "body");
            if (textBody == null || textBody.isEmpty()) {
                return error(HttpStatus.BAD_REQUEST, 100, "OAuthException", "(#100) The parameter text['body'] is required.");
            }
            if (textBody.length() > TEXT_BODY_LIMIT) {
                return error(HttpStatus.BAD_REQUEST, 100, "OAuthException",
                        "(#100) Param text['body'] must be at most " + TEXT_BODY_LIMIT + " characters long.");
            }
        } else if (request.get(type) == null) {
            return error(HttpStatus.BAD_REQUEST, 100, "OAuthException", "(#100) The parameter " + type + " is required.");
        }
        String wamid = "wamid." + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return HttpResponse.ok("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\""
                + to + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.getStringValue();
    }

    private static HttpResponse<String> error(HttpStatus status, int code, String type, String message) {
        String body = "{\"error\":{\"message\":\"" + message.replace("\"", "'") + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"A" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "\"}}";
        return HttpResponse.<String>status(status).body(body);
    }
}
