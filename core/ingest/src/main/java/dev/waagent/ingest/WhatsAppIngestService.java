package dev.waagent.ingest;

import dev.waagent.domain.Masking;
import dev.waagent.domain.MetricNames;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.ChannelNotice;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.InboundRecordResult;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.turn.TurnQueue;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.lambda.MetricsPublisher.Metric;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import dev.waagent.whatsapp.ParsedDelivery;
import dev.waagent.whatsapp.WhatsAppWebhookParser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives one Meta webhook delivery: verify the signature over the raw bytes, resolve the tenant of every
 * event, persist each inbound message once, enqueue one turn trigger per message that waits for a reply, and
 * apply delivery statuses. Answers 4xx for input that retrying cannot fix, and throws only when persisting or
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
    private final ConversationStore conversations;
    private final TurnQueue queue;
    private final TimeSource time;
    private final WhatsAppWebhookSettings settings;
    private final MetricsPublisher metrics;

    public WhatsAppIngestService(WhatsAppWebhookParser parser, MetaSignatureVerifier verifier, TenantDirectory tenants,
                                 SecretStore secrets, ConversationStore conversations, TurnQueue queue, TimeSource time,
                                 WhatsAppWebhookSettings settings, MetricsPublisher metrics) {
        this.parser = parser;
        this.verifier = verifier;
        this.tenants = tenants;
        this.secrets = secrets;
        this.conversations = conversations;
        this.queue = queue;
        this.time = time;
        this.settings = settings;
        this.metrics = metrics;
    }

    public IngestResult receive(byte[] rawBody, String signatureHeader) {
        Instant started = time.now();
        try {
            IngestResult result = handle(rawBody == null ? new byte[0] : rawBody, signatureHeader, started);
            publish(result, Duration.between(started, time.now()));
            return result;
        } catch (RuntimeException e) {
            metrics.publish(Map.of(), Map.of(MetricNames.WEBHOOK_REQUESTS, Metric.count(1),
                    MetricNames.WEBHOOK_FAILED, Metric.count(1)));
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

        int stored = 0;
        int duplicates = 0;
        int statuses = 0;
        int notices = 0;
        int dropped = 0;
        List<TurnTrigger> triggers = new ArrayList<>();
        for (ChannelEvent event : delivery.events()) {
            Optional<Tenant> tenant = owners.getOrDefault(event.businessNumberId(), Optional.empty());
            if (event instanceof ChannelNotice notice) {
                notices++;
                LOG.info("notice field={} number={} {}", notice.field(), notice.businessNumberId(), notice.summary());
                continue;
            }
            if (tenant.isEmpty()) {
                // No tenant owns this number: retrying would not help, so acknowledge and drop.
                dropped++;
                LOG.warn("dropped event for unowned number {}", event.businessNumberId());
                continue;
            }
            String tenantId = tenant.get().id();
            if (event instanceof InboundMessage message) {
                InboundRecordResult recorded = conversations.recordInbound(tenantId, message, receivedAt);
                if (recorded == InboundRecordResult.STORED) {
                    stored++;
                } else {
                    duplicates++;
                }
                // A replay whose message still waits is queued again: its first enqueue may be what failed.
                if (recorded.needsTurn() && message.expectsReply()) {
                    triggers.add(new TurnTrigger(tenantId, message.customerId(), message.messageId()));
                }
                LOG.info("inbound tenant={} customer={} type={} text={} result={}", tenantId,
                        Masking.phone(message.customerId()), message.type(), Masking.text(message.text()), recorded);
            } else if (event instanceof DeliveryStatusUpdate status) {
                conversations.recordDeliveryStatus(tenantId, status);
                statuses++;
            }
        }
        if (!triggers.isEmpty()) {
            queue.enqueue(triggers);
        }
        return new IngestResult(200, null, null, stored, duplicates, statuses, notices, dropped);
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

    private void publish(IngestResult result, Duration took) {
        Map<String, Metric> values = new LinkedHashMap<>();
        values.put(MetricNames.WEBHOOK_REQUESTS, Metric.count(1));
        values.put(MetricNames.WEBHOOK_LATENCY, Metric.millis(took.toNanos() / 1_000_000.0));
        values.put(MetricNames.WEBHOOK_FAILED, Metric.count(0));
        values.put(MetricNames.WEBHOOK_REJECTED, Metric.count(result.status() >= 400 && result.status() < 500 ? 1 : 0));
        values.put(MetricNames.MESSAGES_RECEIVED, Metric.count(result.messages()));
        values.put(MetricNames.DUPLICATE_DELIVERIES, Metric.count(result.duplicates()));
        values.put(MetricNames.STATUS_UPDATES, Metric.count(result.statuses()));
        values.put(MetricNames.UNKNOWN_TENANT_DROPPED, Metric.count(result.dropped()));
        metrics.publish(Map.of(), values);
    }
}
