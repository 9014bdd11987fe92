package dev.waagent.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Meta's webhook endpoint: the subscription handshake and deliveries. */
@Controller("/webhooks/whatsapp")
public class WhatsAppWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final WhatsAppIngestService ingest;

    public WhatsAppWebhookController(WhatsAppIngestService ingest) {
        this.ingest = ingest;
    }

    @Get(produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> verify(@QueryValue("hub.mode") @Nullable String mode,
                                       @QueryValue("hub.verify_token") @Nullable String token,
                                       @QueryValue("hub.challenge") @Nullable String challenge) {
        return ingest.verifySubscription(mode, token, challenge)
                .map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.<String>status(HttpStatus.FORBIDDEN).body("verification failed"));
    }

    /** The body is taken as raw bytes: the signature covers exactly what Meta sent. */
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> receive(@Body @Nullable byte[] body,
                                   @Header("X-Hub-Signature-256") @Nullable String signature) {
        try {
            IngestResult result = ingest.receive(body, signature);
            if (result.accepted()) {
                return HttpResponse.ok(Map.of(
                        "messages", result.messages(), "duplicates", result.duplicates(),
                        "statuses", result.statuses(), "notices", result.notices(), "dropped", result.dropped()));
            }
            return HttpResponse.status(HttpStatus.valueOf(result.status())).body(new ErrorBody(result.error(), result.message()));
        } catch (IngestFailedException e) {
            LOG.error("delivery not stored, asking Meta to retry: {}", e.getCause().toString());
            return HttpResponse.serverError(new ErrorBody("storage_unavailable", "delivery not stored; retry"));
        }
    }
}
