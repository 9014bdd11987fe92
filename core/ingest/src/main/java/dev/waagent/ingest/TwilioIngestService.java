package dev.waagent.ingest;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.twilio.FormEncoding;
import dev.waagent.twilio.TwilioAccountAuth;
import dev.waagent.twilio.TwilioSignatureVerifier;
import dev.waagent.twilio.TwilioWebhookParser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives one Twilio Messaging webhook (an inbound WhatsApp message or a status callback): decode the form, find the
 * tenant by the business number ({@code To} of a message, {@code From} of a status) with
 * {@code TenantDirectory.findByBusinessNumber("twilio", number)}, verify {@code X-Twilio-Signature} with that tenant's
 * auth token, then hand the event to the {@link ChannelEventRecorder}.
 * <p>
 * <b>Signed URL.</b> Twilio signs the public URL it called: {@code wa.twilio.public-base-url} + the request path (+ the
 * query string when the configured URL has one). Behind API Gateway the host, scheme and stage prefix the application
 * sees differ from that URL, so they are never taken from the request.
 * <p>
 * <b>Auth token.</b> The tenant's {@code appSecretRef} when set, else its {@code accessTokenRef}; the secret holds
 * {@code AccountSid:AuthToken} (the token part is used) or a bare auth token. A request for a number no tenant owns
 * must carry the platform token's signature ({@code wa.twilio.auth-token-ref}) to be acknowledged and dropped, so
 * unauthenticated callers cannot probe which numbers are served; otherwise it is 401 like any bad signature.
 * <p>
 * Answers 4xx for input retrying cannot fix (413 too large, 401 missing/invalid signature, 400 malformed body), 503
 * when the public URL is not configured, and throws {@link IngestFailedException} only when persisting or enqueueing
 * failed. Logs masked numbers and outcomes only.
 */
@Singleton
public class TwilioIngestService {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioIngestService.class);
    static final String CHANNEL = TwilioWebhookParser.CHANNEL;

    private final TwilioWebhookParser parser;
    private final TwilioSignatureVerifier verifier;
    private final TenantDirectory tenants;
    private final SecretStore secrets;
    private final ChannelEventRecorder recorder;
    private final TimeSource time;
    private final TwilioWebhookSettings settings;
    private final IngestMetrics metrics;

    public TwilioIngestService(TwilioWebhookParser parser, TwilioSignatureVerifier verifier, TenantDirectory tenants,
                               SecretStore secrets, ChannelEventRecorder recorder, TimeSource time,
                               TwilioWebhookSettings settings, IngestMetrics metrics) {
        this.parser = parser;
        this.verifier = verifier;
        this.tenants = tenants;
        this.secrets = secrets;
        this.recorder = recorder;
        this.time = time;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * @param rawBody         the form body exactly as received
     * @param signatureHeader {@code X-Twilio-Signature}, or {@code null}
     * @param requestPath     the path the application was called on, e.g. {@code /webhooks/twilio}
     * @param rawQuery        the raw (still encoded) query string, or {@code null}
     * @throws IngestFailedException when persisting or enqueueing failed (answer 5xx)
     */
    public IngestResult receive(byte[] rawBody, String signatureHeader, String requestPath, String rawQuery) {
        Instant started = time.now();
        try {
            IngestResult result = handle(rawBody == null ? new byte[0] : rawBody, signatureHeader, requestPath, rawQuery, started);
            if (result.status() >= 500) {
                metrics.failed();
            } else {
                metrics.answered(result, Duration.between(started, time.now()));
            }
            return result;
        } catch (RuntimeException e) {
            metrics.failed();
            throw new IngestFailedException("could not persist or enqueue the Twilio delivery", e);
        }
    }

    /** The URL Twilio signed for a request on this path, or empty when {@code wa.twilio.public-base-url} is unusable. */
    Optional<String> signedUrl(String requestPath, String rawQuery) {
        String base = settings.getPublicBaseUrl();
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        base = base.strip();
        try {
            URI parsed = URI.create(base);
            if (!parsed.isAbsolute() || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = requestPath == null || requestPath.isEmpty() ? "/" : requestPath.startsWith("/") ? requestPath : "/" + requestPath;
        return Optional.of(base + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }

    private IngestResult handle(byte[] body, String signature, String requestPath, String rawQuery, Instant receivedAt) {
        if (body.length > settings.getMaxBodyBytes()) {
            return IngestResult.rejected(413, "payload_too_large", "body exceeds " + settings.getMaxBodyBytes() + " bytes");
        }
        Optional<String> url = signedUrl(requestPath, rawQuery);
        if (url.isEmpty()) {
            LOG.error("twilio delivery not verified: wa.twilio.public-base-url is not set to an absolute URL");
            return IngestResult.rejected(503, "twilio_not_configured", "Twilio webhooks are not configured on this deployment");
        }
        if (signature == null || signature.isBlank()) {
            return IngestResult.rejected(401, "missing_signature", TwilioSignatureVerifier.HEADER + " header is required");
        }
        if (body.length == 0) {
            return IngestResult.rejected(400, "malformed_payload", "webhook body is empty");
        }
        Map<String, List<String>> params;
        try {
            params = FormEncoding.decode(body);
        } catch (MalformedPayloadException e) {
            // Undecodable parameters cannot be verified; the answer names no tenant.
            return IngestResult.rejected(400, "malformed_payload", e.getMessage());
        }

        String number = TwilioWebhookParser.businessNumberId(params);
        Optional<Tenant> owner = tenants.findByBusinessNumber(CHANNEL, number).filter(Tenant::active);
        Optional<String> token = owner.isPresent() ? tenantToken(owner.get()) : platformToken();
        TwilioSignatureVerifier.Outcome outcome = token
                .map(value -> verifier.check(url.get(), params, signature, value))
                .orElse(TwilioSignatureVerifier.Outcome.MISMATCH);
        if (outcome != TwilioSignatureVerifier.Outcome.VALID) {
            if (owner.isPresent() && token.isEmpty()) {
                LOG.error("twilio delivery for tenant {} not verified: no auth token under its secret references", owner.get().id());
            }
            LOG.warn("twilio delivery for number {} refused: signature {}", Masking.phone(number), outcome);
            return IngestResult.rejected(401, "invalid_signature", "signature does not match the URL and parameters");
        }

        List<ChannelEvent> events;
        try {
            events = parser.parse(params);
        } catch (MalformedPayloadException e) {
            return IngestResult.rejected(400, "malformed_payload", e.getMessage());
        }
        Map<String, Optional<Tenant>> owners = new LinkedHashMap<>();
        for (ChannelEvent event : events) {
            owners.put(event.businessNumberId(), event.businessNumberId().equals(number) ? owner
                    : tenants.findByBusinessNumber(CHANNEL, event.businessNumberId()).filter(Tenant::active));
        }
        return recorder.record(events, owners, receivedAt);
    }

    /** The tenant's auth token: {@code appSecretRef} when set, else {@code accessTokenRef}. */
    private Optional<String> tenantToken(Tenant tenant) {
        String reference = tenant.appSecretRef() != null && !tenant.appSecretRef().isBlank()
                ? tenant.appSecretRef() : tenant.accessTokenRef();
        return token(reference);
    }

    private Optional<String> platformToken() {
        return token(settings.getAuthTokenRef());
    }

    private Optional<String> token(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return secrets.secret(reference).flatMap(TwilioAccountAuth::authTokenOf);
    }
}
