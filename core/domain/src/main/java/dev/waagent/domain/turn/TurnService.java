package dev.waagent.domain.turn;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.OutboundReply;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one turn in a conversation: answers, in one reply, every customer message still waiting.
 * <p>
 * Exactly-once-visible replies come from three things together: triggers of one customer are processed in
 * order (FIFO group), the reply is recorded as pending together with the "answered" marks before it is sent
 * (so a replayed trigger finds nothing to answer), and a pending reply left by a crashed attempt is resent,
 * never regenerated.
 */
public final class TurnService {

    private static final Logger LOG = LoggerFactory.getLogger(TurnService.class);

    private final TenantDirectory tenants;
    private final ConversationStore conversations;
    private final ReplyGenerator replies;
    private final OutboundChannel channel;
    private final TimeSource time;
    private final TurnSettings settings;
    private final PromptBuilder prompts;
    private final TurnObserver observer;

    public TurnService(TenantDirectory tenants, ConversationStore conversations, ReplyGenerator replies,
                       OutboundChannel channel, TimeSource time, TurnSettings settings, TurnObserver observer) {
        this.tenants = tenants;
        this.conversations = conversations;
        this.replies = replies;
        this.channel = channel;
        this.time = time;
        this.settings = settings;
        this.prompts = new PromptBuilder(settings);
        this.observer = observer;
    }

    /**
     * @throws ChannelSendException or any storage failure: the trigger must be retried (the pending reply will be resent)
     */
    public TurnOutcome take(TurnTrigger trigger) throws InterruptedException {
        Instant started = time.now();
        Optional<Tenant> tenant = tenants.findById(trigger.tenantId()).filter(Tenant::active);
        if (tenant.isEmpty()) {
            LOG.warn("turn dropped: tenant {} unknown or inactive", trigger.tenantId());
            return finish(trigger, TurnOutcome.TENANT_GONE, ReplyAccounting.NONE, started);
        }
        ConversationKey key = trigger.conversationKey();
        ConversationSnapshot snapshot = conversations.load(key, settings.historyMessages());

        boolean resent = sendPending(tenant.get(), key, snapshot.pendingOutbound());
        if (resent) {
            snapshot = conversations.load(key, settings.historyMessages());
        }

        Optional<StoredMessage> newest = snapshot.newestUnanswered();
        if (newest.isEmpty()) {
            return finish(trigger, resent ? TurnOutcome.RESENT_PENDING : TurnOutcome.NOTHING_TO_ANSWER,
                    ReplyAccounting.NONE, started);
        }
        Duration quiet = Duration.between(newest.get().receivedAt(), time.now());
        if (quiet.compareTo(settings.burstWindow()) < 0) {
            // The customer may still be typing: wait for the burst to end so it gets one reply.
            time.sleep(settings.burstWindow().minus(quiet));
            snapshot = conversations.load(key, settings.historyMessages());
            newest = snapshot.newestUnanswered();
            if (newest.isEmpty()) {
                return finish(trigger, TurnOutcome.NOTHING_TO_ANSWER, ReplyAccounting.NONE, started);
            }
        }
        List<StoredMessage> toAnswer = snapshot.unansweredInbound();
        safelyMarkRead(tenant.get(), newest.get().messageId());

        LlmRequest request = prompts.build(tenant.get(), snapshot, toAnswer, time.now(), settings.turnDeadline());
        ReplyGenerator.GeneratedReply generated = replies.generate(tenant.get(), request);
        LlmResponse response = generated.response();
        ReplyAccounting accounting = new ReplyAccounting(response.provider(), response.model(),
                response.usage().promptTokens(), response.usage().completionTokens(), response.latency().toMillis(),
                generated.fallbacks(), response.needsHuman());

        String turnId = UUID.randomUUID().toString();
        // No quoted reply: the answer follows the customer's messages directly and addresses them all.
        OutboundReply reply = new OutboundReply(turnId, "out." + turnId, response.text(), null,
                toAnswer, accounting);
        Instant recordedAt = time.now();
        if (!conversations.recordReply(key, reply, recordedAt)) {
            LOG.info("turn for {} lost the race: its messages were answered meanwhile", Masking.phone(key.customerId()));
            return finish(trigger, TurnOutcome.LOST_RACE, accounting, started);
        }
        String platformId = channel.sendText(tenant.get(), key.customerId(), reply.text(), reply.replyToMessageId());
        conversations.markSent(key, reply.outboundId(), recordedAt, platformId, time.now());
        return finish(trigger, TurnOutcome.REPLIED, accounting, started);
    }

    private boolean sendPending(Tenant tenant, ConversationKey key, List<StoredMessage> pending) {
        for (StoredMessage message : pending) {
            String platformId = channel.sendText(tenant, key.customerId(), message.text(), message.replyToMessageId());
            conversations.markSent(key, message.messageId(), message.sentAt(), platformId, time.now());
            LOG.info("resent pending reply {} to {}", message.messageId(), Masking.phone(key.customerId()));
        }
        return !pending.isEmpty();
    }

    private void safelyMarkRead(Tenant tenant, String messageId) {
        try {
            channel.markRead(tenant, messageId, true);
        } catch (RuntimeException e) {
            // Read receipts are a courtesy; never fail a turn for them.
            LOG.debug("mark-read failed: {}", e.toString());
        }
    }

    private TurnOutcome finish(TurnTrigger trigger, TurnOutcome outcome, ReplyAccounting accounting, Instant started) {
        Duration took = Duration.between(started, time.now());
        observer.turnFinished(trigger.tenantId(), outcome, accounting, took);
        LOG.info("turn tenant={} customer={} outcome={} provider={} tookMs={}", trigger.tenantId(),
                Masking.phone(trigger.customerId()), outcome, accounting.provider(), took.toMillis());
        return outcome;
    }
}
