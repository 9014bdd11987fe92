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
import dev.waagent.whatsapp.GraphErrorBodies;
import dev.waagent.whatsapp.GraphRequestCheck;
import dev.waagent.whatsapp.GraphSendRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for {@code POST /{version}/{phone_number_id}/messages} of the WhatsApp Cloud API: checks the token,
 * the request shape and every limit Meta enforces ({@link GraphRequestCheck}: lengths, counts, unique titles and
 * ids, template parameters), answers with Meta's response and error bodies, and records every request in the
 * {@link LocalOutbox}. Faults planned through {@link GraphFaults} with code 130429, 131047 or 131056 are answered
 * with Meta's real bodies ({@link GraphErrorBodies}). {@link #refusedRequests()} counts requests refused by the
 * check: a sender that respects the limits keeps it at 0.
 */
@Controller("/graph")
public class GraphApiStandIn {

    private static final Logger LOG = LoggerFactory.getLogger(GraphApiStandIn.class);

    private final LocalOutbox outbox;
    private final GraphFaults faults;
    private final AtomicLong refused = new AtomicLong();

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
        Optional<GraphApiError> refusal = GraphRequestCheck.check(request.raw());
        if (refusal.isPresent()) {
            refused.incrementAndGet();
            LOG.warn("graph stand-in refused a {} request: {}", request.type() == null ? "status" : request.type(), refusal.get().summary());
            return HttpResponse.<String>status(HttpStatus.BAD_REQUEST).body(json(refusal.get().toEnvelopeBytes()));
        }
        if (request.kind() == GraphSendRequest.Kind.READ_RECEIPT) {
            return HttpResponse.ok(json(GraphApiPayloads.toBytes(GraphApiPayloads.success())));
        }
        String recipient = request.effectiveRecipient();
        GraphFaults.Fault fault = faults.next(recipient);
        if (fault != null) {
            Optional<byte[]> real = GraphErrorBodies.forCode(fault.code());
            return real.isPresent()
                    ? HttpResponse.<String>status(HttpStatus.valueOf(fault.httpStatus())).body(json(real.get()))
                    : error(HttpStatus.valueOf(fault.httpStatus()), fault.code(), fault.message());
        }
        String wamid = "wamid." + Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return HttpResponse.ok(json(GraphApiPayloads.toBytes(GraphApiPayloads.messageAccepted(recipient, wamid))));
    }

    /** Requests refused because Meta would refuse them (limits, shapes); 0 for a well-behaved sender. */
    public long refusedRequests() {
        return refused.get();
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> error(HttpStatus status, int code, String message) {
        GraphApiError error = GraphApiError.of(code, "OAuthException", message, null);
        return HttpResponse.<String>status(status).body(json(error.toEnvelopeBytes()));
    }
}
