package dev.waagent.ingest;

import dev.waagent.twilio.TwilioSignatureVerifier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Twilio's Messaging webhook endpoint (inbound WhatsApp messages and status callbacks). Success is an empty TwiML
 * document ({@code <Response/>}, {@code text/xml}): the reply is sent later through the Messages API, never in TwiML.
 * Errors are the JSON {@link ErrorBody}, like the WhatsApp endpoint.
 */
@Controller("/webhooks/twilio")
public class TwilioWebhookController {

    /** An empty TwiML answer: nothing to send now. */
    public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookController.class);

    private final TwilioIngestService ingest;

    public TwilioWebhookController(TwilioIngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * The body is taken undecoded, as text: the parameters are decoded (and signature-checked) by the Twilio module.
     * A {@code byte[]} body is not bound for form content by the API Gateway proxy (it arrives {@code null});
     * a {@code String} is the raw form exactly as sent, and form bodies are ASCII (percent-encoded).
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = {MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    public HttpResponse<?> receive(HttpRequest<?> request, @Body @Nullable String body,
                                   @Header(TwilioSignatureVerifier.HEADER) @Nullable String signature) {
        try {
            byte[] raw = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            IngestResult result = ingest.receive(raw, signature, request.getPath(), request.getUri().getRawQuery());
            if (result.accepted()) {
                return HttpResponse.ok(EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
            }
            return HttpResponse.status(HttpStatus.valueOf(result.status()))
                    .body(new ErrorBody(result.error(), result.message()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IngestFailedException e) {
            LOG.error("twilio delivery not stored: {}", e.getCause().toString());
            return HttpResponse.serverError(new ErrorBody("storage_unavailable", "delivery not stored; retry"))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
