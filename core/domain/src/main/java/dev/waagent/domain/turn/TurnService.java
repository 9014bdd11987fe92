package dev.waagent.domain.turn;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.context.ComposedReply;
import dev.waagent.domain.context.ReplyComposer;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.OutboundReply;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.reply.WhatsAppFormatter;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
    /** The generation half with context budget, tools and memory; null keeps the plain prompt → reply path. */
    private final ReplyComposer composer;

    public TurnService(TenantDirectory tenants, ConversationStore conversations, ReplyGenerator replies,
                       OutboundChannel channel, TimeSource time, TurnSettings settings, TurnObserver observer) {
        this(tenants, conversations, replies, channel, time, settings, observer, null);
    }

    public TurnService(TenantDirectory tenants, ConversationStore conversations, ReplyGenerator replies,
                       OutboundChannel channel, TimeSource time, TurnSettings settings, TurnObserver observer,
                       ReplyComposer composer) {
        this.composer = composer;
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
        String customerTurn = toAnswer.stream().map(m -> m.text() == null ? "" : m.text()).collect(Collectors.joining("\n"));
        TurnRoute route = ConversationPolicy.route(snapshot.conversation(), customerTurn);
        switch (route) {
            case OPTED_OUT_SILENT, SPAM, HANDED_OFF_SILENT -> {
                conversations.markAnsweredWithoutReply(key, toAnswer, route.name().toLowerCase(Locale.ROOT), time.now());
                return finish(trigger, TurnOutcome.SILENCED, ReplyAccounting.NONE.withRoute(route.name()), started);
            }
            case OPT_OUT, OPT_IN, HANDOFF -> {
                conversations.updateState(key, route == TurnRoute.HANDOFF ? ConversationStatus.HANDED_OFF : null,
                        route == TurnRoute.OPT_OUT ? Boolean.TRUE : route == TurnRoute.OPT_IN ? Boolean.FALSE : null,
                        route == TurnRoute.HANDOFF ? "customer asked for a person" : null, time.now());
                if (route == TurnRoute.HANDOFF) {
                    LOG.info("handoff tenant={} customer={}: a person takes over", tenant.get().id(), Masking.phone(key.customerId()));
                }
                ReplyAccounting accounting = ReplyAccounting.NONE.withRoute(route.name());
                String text = ConversationPolicy.confirmation(route, customerTurn, tenant.get().name());
                return reply(tenant.get(), key, toAnswer, text, accounting, trigger, started, TurnOutcome.POLICY_REPLY);
            }
            default -> {
                // the reply chain answers below
            }
        }
        safelyMarkRead(tenant.get(), newest.get().messageId());

        if (composer != null) {
            ComposedReply composed = composer.compose(tenant.get(), snapshot, toAnswer, time.now(), settings.turnDeadline());
            if (composed.handoffRequested()) {
                conversations.updateState(key, ConversationStatus.HANDED_OFF, null, composed.handoffReason(), time.now());
            }
            return reply(tenant.get(), key, toAnswer, WhatsAppFormatter.fromMarkdown(composed.text()), composed.accounting(),
                    trigger, started, TurnOutcome.REPLIED);
        }
        LlmRequest request = prompts.build(tenant.get(), snapshot, toAnswer, time.now(), settings.turnDeadline());
        ReplyGenerator.GeneratedReply generated = replies.generate(tenant.get(), request);
        LlmResponse response = generated.response();
        ReplyAccounting accounting = new ReplyAccounting(response.provider(), response.model(),
                response.usage().promptTokens(), response.usage().completionTokens(), response.latency().toMillis(),
                generated.fallbacks(), response.needsHuman(), generated.route().costUsd().doubleValue(),
                generated.route().cacheHit(), generated.route().complexity().name(), generated.route().path());
        // Models write Markdown; WhatsApp has its own formatting (*bold*, _italic_, • lists).
        String text = WhatsAppFormatter.fromMarkdown(response.text());
        return reply(tenant.get(), key, toAnswer, text, accounting, trigger, started, TurnOutcome.REPLIED);
    }

    /** Records the reply with the "answered" marks, then sends it under its lease. */
    private TurnOutcome reply(Tenant tenant, ConversationKey key, List<StoredMessage> toAnswer, String text,
                              ReplyAccounting accounting, TurnTrigger trigger, Instant started, TurnOutcome outcome) {
        String turnId = UUID.randomUUID().toString();
        // No quoted reply: the answer follows the customer's messages directly and addresses them all.
        OutboundReply reply = new OutboundReply(turnId, "out." + turnId, text, null, toAnswer, accounting);
        Instant recordedAt = time.now();
        if (!conversations.recordReply(key, reply, recordedAt, recordedAt.plus(settings.sendLease()))) {
            LOG.info("turn for {} lost the race: its messages were answered meanwhile", Masking.phone(key.customerId()));
            return finish(trigger, TurnOutcome.LOST_RACE, accounting, started);
        }
        send(tenant, key, reply.outboundId(), recordedAt, reply.text(), reply.replyToMessageId());
        return finish(trigger, outcome, accounting, started);
    }

    private boolean sendPending(Tenant tenant, ConversationKey key, List<StoredMessage> pending) {
        for (StoredMessage message : pending) {
            Instant now = time.now();
            if (!conversations.claimPendingSend(key, message.messageId(), message.sentAt(), now, now.plus(settings.sendLease()))) {
                // Another worker is sending it right now (this trigger was redelivered early): try again later.
                throw new ReplyBeingSentException("reply " + message.messageId() + " is being sent by another worker");
            }
            send(tenant, key, message.messageId(), message.sentAt(), message.text(), message.replyToMessageId());
            LOG.info("resent pending reply {} to {}", message.messageId(), Masking.phone(key.customerId()));
        }
        return !pending.isEmpty();
    }

    /** Sends a recorded reply under its lease; a failed send gives the lease back so the retry can send at once. */
    private void send(Tenant tenant, ConversationKey key, String outboundId, Instant recordedAt, String text, String replyTo) {
        String platformId;
        try {
            platformId = channel.sendText(tenant, key.customerId(), text, replyTo);
        } catch (RuntimeException e) {
            conversations.releasePendingSend(key, outboundId, recordedAt);
            throw e;
        }
        conversations.markSent(key, outboundId, recordedAt, platformId, time.now());
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
        LOG.info("turn tenant={} customer={} outcome={} provider={} route={} tokens={}/{} tookMs={}", trigger.tenantId(),
                Masking.phone(trigger.customerId()), outcome, accounting.provider(), accounting.route(),
                accounting.promptTokens(), accounting.completionTokens(), took.toMillis());
        return outcome;
    }
}
