package dev.waagent.ingest;

import dev.waagent.domain.Masking;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.ChannelNotice;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.InboundRecordResult;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.TurnQueue;
import dev.waagent.domain.turn.TurnTrigger;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every channel does with an authenticated delivery, whatever its wire format: persist each inbound
 * message once, queue one turn trigger per message that waits for a reply, apply delivery statuses, count
 * notices, and drop (with a log line) events for numbers no tenant owns.
 */
@Singleton
public class ChannelEventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelEventRecorder.class);

    private final ConversationStore conversations;
    private final TurnQueue queue;

    public ChannelEventRecorder(ConversationStore conversations, TurnQueue queue) {
        this.conversations = conversations;
        this.queue = queue;
    }

    /**
     * @param owners the tenant owning each business number of the events (empty when none does)
     * @throws RuntimeException when persisting or enqueueing failed: the caller answers 5xx so the platform retries
     */
    public IngestResult record(List<ChannelEvent> events, Map<String, Optional<Tenant>> owners, Instant receivedAt) {
        int stored = 0;
        int duplicates = 0;
        int statuses = 0;
        int notices = 0;
        int dropped = 0;
        List<TurnTrigger> triggers = new ArrayList<>();
        for (ChannelEvent event : events) {
            if (event instanceof ChannelNotice notice) {
                notices++;
                LOG.info("notice channel={} field={} number={} {}", notice.channel(), notice.field(),
                        notice.businessNumberId(), notice.summary());
                continue;
            }
            Optional<Tenant> tenant = owners.getOrDefault(event.businessNumberId(), Optional.empty());
            if (tenant.isEmpty()) {
                // No tenant owns this number: retrying would not help, so acknowledge and drop.
                dropped++;
                LOG.warn("dropped {} event for unowned number {}", event.channel(), event.businessNumberId());
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
}
