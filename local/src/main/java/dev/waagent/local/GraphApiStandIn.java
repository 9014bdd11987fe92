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
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.whatsapp.GraphApiError;
import dev.waagent.whatsapp.GraphApiPayloads;
import dev.waagent.whatsapp.GraphSendRequest;

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

    private final LocalOutbox outbox;
    private final GraphFaults faults;

    public GraphApiStandIn(LocalOutbox outbox, GraphFaults faults) {
        this.outbox = outbox;
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
            return error(HttpStatus.UNAUTHORIZED, GraphApiError.ACCESS_TOKEN, "Invalid OAuth access token - Cannot parse access token");
        }
        GraphSendRequest request;
        try {
            request = GraphApiPayloads.parseSendRequest(body.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedPayloadException e) {
            return error(HttpStatus.BAD_REQUEST, GraphApiError.INVALID_PARAMETER, "(#100) " + e.getMessage());
        }
        if (request.kind() == GraphSendRequest.Kind.READ_RECEIPT) {
            return request.readMessageId() == null
                    ? error(HttpStatus.BAD_REQUEST, GraphApiError.INVALID_PARAMETER, "(#100) The parameter message_id is required.")
                    : HttpResponse.ok(json(GraphApiPayloads.toBytes(GraphApiPayloads.success())));
        }
        String recipient = request.effectiveRecipient();
        if (recipient == null || recipient.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, GraphApiError.INVALID_PARAMETER, "(#100) The parameter to is required.");
        }
        GraphFaults.Fault fault = faults.next(recipient);
        if (fault != null) {
            return error(HttpStatus.valueOf(fault.httpStatus()), fault.code(), fault.message());
        }
        if ("text".equals(request.type())) {
            if (request.textBody() == null || request.textBody().isEmpty()) {
                return error(HttpStatus.BAD_REQUEST, GraphApiError.INVALID_PARAMETER, "(#100) The parameter text['body'] is required.");
            }
            if (request.textBody().length() > GraphApiPayloads.MAX_TEXT_LENGTH) {
                return error(HttpStatus.BAD_REQUEST, GraphApiError.INVALID_PARAMETER,
                        "(#100) Param text['body'] must be at most " + GraphApiPayloads.MAX_TEXT_LENGTH + " characters long.");
            }
        } else if (request.raw().get(request.type()) == null) {
            return error(HttpStatus.BAD_REQUEST, GraphApiError.INVALID_PARAMETER, "(#100) The parameter " + request.type() + " is required.");
        }
        String wamid = "wamid." + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return HttpResponse.ok(json(GraphApiPayloads.toBytes(GraphApiPayloads.messageAccepted(recipient, wamid))));
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> error(HttpStatus status, int code, String message) {
        GraphApiError error = GraphApiError.of(code, "OAuthException", message, null);
        return HttpResponse.<String>status(status).body(json(error.toEnvelopeBytes()));
    }
}
