package dev.waagent.ingest;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import dev.waagent.whatsapp.ParsedDelivery;
import dev.waagent.whatsapp.WhatsAppWebhookParser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Receives one Meta webhook delivery: verify the signature over the raw bytes, resolve the tenant of every
 * event, then hand the events to the {@link ChannelEventRecorder}. Answers 4xx for input that retrying cannot fix, and throws only when persisting or
 * enqueueing failed (so the caller answers 5xx and Meta retries).
 */
@Singleton
public class WhatsAppIngestService {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppIngestService.class);
    static final String CHANNEL = "whatsapp";

    private final WhatsAppWebhookParser parser;
    private final MetaSignatureVerifier verifier;
    private final TenantDirectory tenants;
    private final SecretStore secrets;
    private final ChannelEventRecorder recorder;
    private final TimeSource time;
    private final WhatsAppWebhookSettings settings;
    private final IngestMetrics metrics;

    public WhatsAppIngestService(WhatsAppWebhookParser parser, MetaSignatureVerifier verifier, TenantDirectory tenants,
                                 SecretStore secrets, ChannelEventRecorder recorder, TimeSource time,
                                 WhatsAppWebhookSettings settings, IngestMetrics metrics) {
        this.parser = parser;
        this.verifier = verifier;
        this.tenants = tenants;
        this.secrets = secrets;
        this.recorder = recorder;
        this.time = time;
        this.settings = settings;
        this.metrics = metrics;
    }

    public IngestResult receive(byte[] rawBody, String signatureHeader) {
        Instant started = time.now();
        try {
            IngestResult result = handle(rawBody == null ? new byte[0] : rawBody, signatureHeader, started);
            metrics.answered(result, Duration.between(started, time.now()));
            return result;
        } catch (RuntimeException e) {
            metrics.failed();
            throw new IngestFailedException("could not persist or enqueue the delivery", e);
        }
    }

    /** Meta's subscription handshake: echo the challenge when the token matches. */
    public Optional<String> verifySubscription(String mode, String token, String challenge) {
        Optional<String> expected = secrets.secret(settings.getVerifyTokenRef());
        if (!"subscribe".equals(mode) || token == null || challenge == null || expected.isEmpty()
                || !java.security.MessageDigest.isEqual(expected.get().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    private IngestResult handle(byte[] body, String signature, Instant receivedAt) {
        if (body.length > settings.getMaxBodyBytes()) {
            return IngestResult.rejected(413, "payload_too_large", "body exceeds " + settings.getMaxBodyBytes() + " bytes");
        }
        if (signature == null || signature.isBlank()) {
            return IngestResult.rejected(401, "missing_signature", "X-Hub-Signature-256 header is required");
        }
        ParsedDelivery delivery;
        try {
            delivery = parser.parseDelivery(body);
        } catch (MalformedPayloadException e) {
            // Only a caller holding the secret learns that its body is malformed; others learn nothing.
            return signedWith(body, signature, platformSecret())
                    ? IngestResult.rejected(400, "malformed_payload", e.getMessage())
                    : IngestResult.rejected(401, "invalid_signature", "signature does not match the payload");
        }

        Map<String, Optional<Tenant>> owners = new LinkedHashMap<>();
        for (String number : delivery.businessNumberIds()) {
            owners.put(number, tenants.findByBusinessNumber(CHANNEL, number).filter(Tenant::active));
        }
        if (!authentic(body, signature, owners)) {
            return IngestResult.rejected(401, "invalid_signature", "signature does not match the payload");
        }

        return recorder.record(delivery.events(), owners, receivedAt);
    }

    /**
     * Every tenant named must have signed the delivery; a delivery naming no known tenant must carry the platform
     * signature, so unauthenticated callers cannot probe which numbers we serve.
     */
    private boolean authentic(byte[] body, String signature, Map<String, Optional<Tenant>> owners) {
        boolean anyKnown = false;
        for (Optional<Tenant> owner : owners.values()) {
            if (owner.isPresent()) {
                anyKnown = true;
                Optional<String> secret = secrets.secret(owner.get().appSecretRef());
                if (secret.isEmpty() || !verifier.verify(body, signature, secret.get())) {
                    return false;
                }
            }
        }
        return anyKnown || signedWith(body, signature, platformSecret());
    }

    private Optional<String> platformSecret() {
        return secrets.secret(settings.getAppSecretRef());
    }

    private boolean signedWith(byte[] body, String signature, Optional<String> secret) {
        return secret.isPresent() && verifier.verify(body, signature, secret.get());
    }
}
