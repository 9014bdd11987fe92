package dev.waagent.domain.turn;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.context.ComposedReply;
import dev.waagent.domain.context.ReplyComposer;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.handoff.HandoffDecision;
import dev.waagent.domain.handoff.Handoffs;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.ReplyDraft;
import dev.waagent.domain.staff.StaffCommandStep;
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
    /** The route recorded on replies to staff commands. */
    public static final String STAFF_ROUTE = "STAFF";

    private final TenantDirectory tenants;
    private final ConversationStore conversations;
    private final ReplyGenerator replies;
    private final TimeSource time;
    private final TurnSettings settings;
    private final PromptBuilder prompts;
    private final TurnObserver observer;
    private final ReplyDelivery delivery;
    private final TypingPresence presence;
    /** The generation half with context budget, tools and memory; null keeps the plain prompt → reply path. */
    private final ReplyComposer composer;
    private final StaffCommandStep staff;
    private final Handoffs handoffs;

    /**
     * Without staff commands; handoffs by the default rules, logged but not sent to staff; sending with the default
     * delivery and typing indicator on {@code channel}.
     *
     * @param composer the generation half (context, tools, memory); null keeps the plain prompt path
     */
    public TurnService(TenantDirectory tenants, ConversationStore conversations, ReplyGenerator replies,
                       OutboundChannel channel, TimeSource time, TurnSettings settings, TurnObserver observer,
                       ReplyComposer composer) {
        this(tenants, conversations, replies, time, settings, observer,
                new ReplyDelivery(conversations, channel, time, settings.sendLease()), new TypingPresence(channel),
                composer, null, new Handoffs(new HandoffDecision(), null, conversations, null, time));
    }

    /**
     * The plain prompt path without staff commands; handoffs by the default rules.
     *
     * @param delivery the sending half (composition, recording, pacing, window); presence the typing indicator
     */
    public TurnService(TenantDirectory tenants, ConversationStore conversations, ReplyGenerator replies,
                       TimeSource time, TurnSettings settings, TurnObserver observer,
                       ReplyDelivery delivery, TypingPresence presence) {
        this(tenants, conversations, replies, time, settings, observer, delivery, presence, null, null,
                new Handoffs(new HandoffDecision(), null, conversations, null, time));
    }

    /**
     * @param composer the generation half (context, tools, memory); null keeps the plain prompt path
     * @param staff    messages from staff numbers are commands (null: everyone is a customer)
     * @param handoffs the one place a conversation goes to a person
     */
    public TurnService(TenantDirectory tenants, ConversationStore conversations, ReplyGenerator replies,
                       TimeSource time, TurnSettings settings, TurnObserver observer,
                       ReplyDelivery delivery, TypingPresence presence, ReplyComposer composer, StaffCommandStep staff,
                       Handoffs handoffs) {
        this.delivery = delivery;
        this.presence = presence;
        this.composer = composer;
        this.tenants = tenants;
        this.conversations = conversations;
        this.replies = replies;
        this.time = time;
        this.settings = settings;
        this.prompts = new PromptBuilder(settings);
        this.observer = observer;
        this.staff = staff;
        this.handoffs = handoffs;
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

        boolean resent = sendPending(tenant.get(), snapshot);
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
        if (staff != null && route != TurnRoute.OPT_OUT && route != TurnRoute.OPT_IN && route != TurnRoute.OPTED_OUT_SILENT) {
            // Routing step 2 (after consent): a staff number's messages are commands, answered to the staff member.
            Optional<String> staffReply = staff.handle(tenant.get(), key, toAnswer);
            if (staffReply.isPresent()) {
                return reply(tenant.get(), snapshot, toAnswer, ReplyDraft.of(staffReply.get()),
                        ReplyAccounting.NONE.withRoute(STAFF_ROUTE), trigger, started, TurnOutcome.POLICY_REPLY);
            }
        }
        switch (route) {
            case OPTED_OUT_SILENT, SPAM, HANDED_OFF_SILENT -> {
                conversations.markAnsweredWithoutReply(key, toAnswer, route.name().toLowerCase(Locale.ROOT), time.now());
                return finish(trigger, TurnOutcome.SILENCED, ReplyAccounting.NONE.withRoute(route.name()), started);
            }
            case OPT_OUT, OPT_IN -> {
                conversations.updateState(key, null, route == TurnRoute.OPT_OUT, null, time.now());
                ReplyAccounting accounting = ReplyAccounting.NONE.withRoute(route.name());
                String text = ConversationPolicy.confirmation(route,
                        LanguageDetector.detect(customerTurn, snapshot, tenant.get().languages()), tenant.get().name());
                return reply(tenant.get(), snapshot, toAnswer, ReplyDraft.of(text), accounting, trigger, started, TurnOutcome.POLICY_REPLY);
            }
            default -> {
                // HANDOFF and ANSWER: the handoff rules decide, then the reply chain answers below
            }
        }
        Optional<Handoffs.Notice> handoff = handoffs.beforeReply(tenant.get(), snapshot, customerTurn);
        if (handoff.isPresent()) {
            return reply(tenant.get(), snapshot, toAnswer, ReplyDraft.of(handoff.get().text()),
                    ReplyAccounting.NONE.withRoute(handoff.get().route()), trigger, started, TurnOutcome.POLICY_REPLY);
        }
        if (composer != null) {
            ComposedReply composed;
            // Read receipt + "typing…" while the composer's model rounds run, as on the plain path below.
            try (TypingPresence.Session typing = presence.start(tenant.get(), newest.get().messageId())) {
                composed = composer.compose(tenant.get(), snapshot, toAnswer, time.now(), settings.turnDeadline());
            }
            // The model's hand_off and unsure answers are decided where every handoff is.
            LlmResponse last = composed.last().response();
            GenerationSignals signals = new GenerationSignals(composed.confidence(),
                    composed.handoffRequested(), composed.handoffReason());
            Optional<Handoffs.Notice> late = handoffs.afterReply(tenant.get(), snapshot, customerTurn, last, signals);
            ReplyAccounting composedAccounting = composed.accounting();
            ReplyAccounting accounting = new ReplyAccounting(composedAccounting.provider(), composedAccounting.model(),
                    composedAccounting.promptTokens(), composedAccounting.completionTokens(), composedAccounting.latencyMillis(),
                    composedAccounting.fallbacks(), composedAccounting.needsHuman() || handoffs.lowConfidence(tenant.get(), last, signals),
                    composedAccounting.costUsd(), composedAccounting.cacheHit(), composedAccounting.complexity(),
                    late.map(Handoffs.Notice::route).orElse(composedAccounting.route())).withConfidence(signals.confidence());
            String text = late.map(notice -> notice.textInstead(composed.text())).orElse(composed.text());
            return reply(tenant.get(), snapshot, toAnswer, ReplyDraft.of(text), accounting, trigger, started, TurnOutcome.REPLIED,
                    composed.keyFactsToSave().orElse(null));
        }
        LlmRequest request = prompts.build(tenant.get(), snapshot, toAnswer, time.now(), settings.turnDeadline());
        ReplyGenerator.GeneratedReply generated;
        // Read receipt + "typing…" at once, refreshed while the model works (the indicator lasts ~25 s).
        try (TypingPresence.Session typing = presence.start(tenant.get(), newest.get().messageId())) {
            generated = replies.generate(tenant.get(), request);
        }
        LlmResponse response = generated.response();
        Optional<Handoffs.Notice> lateHandoff = handoffs.afterReply(tenant.get(), snapshot, customerTurn, generated);
        ReplyAccounting accounting = new ReplyAccounting(response.provider(), response.model(),
                response.usage().promptTokens(), response.usage().completionTokens(), response.latency().toMillis(),
                generated.fallbacks(), handoffs.lowConfidence(tenant.get(), generated), generated.route().costUsd().doubleValue(),
                generated.route().cacheHit(), generated.route().complexity().name(),
                lateHandoff.map(Handoffs.Notice::route).orElse(generated.route().path()))
                .withConfidence(generated.signals().confidence());
        // Models write Markdown: the delivery converts it to WhatsApp formatting (*bold*, _italic_, • lists) and forms.
        ReplyDraft draft = ReplyDraft.of(lateHandoff.map(notice -> notice.textInstead(response.text())).orElse(response.text()));
        return reply(tenant.get(), snapshot, toAnswer, draft, accounting, trigger, started, TurnOutcome.REPLIED);
    }

    /** Composes the reply into parts, records them with the "answered" marks, then sends them paced. */
    private TurnOutcome reply(Tenant tenant, ConversationSnapshot snapshot, List<StoredMessage> toAnswer, ReplyDraft draft,
                              ReplyAccounting accounting, TurnTrigger trigger, Instant started, TurnOutcome outcome)
            throws InterruptedException {
        return reply(tenant, snapshot, toAnswer, draft, accounting, trigger, started, outcome, null);
    }

    /** @param keyFacts the conversation's key facts to save with the reply (null: unchanged) */
    private TurnOutcome reply(Tenant tenant, ConversationSnapshot snapshot, List<StoredMessage> toAnswer, ReplyDraft draft,
                              ReplyAccounting accounting, TurnTrigger trigger, Instant started, TurnOutcome outcome,
                              List<String> keyFacts) throws InterruptedException {
        String turnId = UUID.randomUUID().toString();
        RepairResult composed = delivery.compose(tenant, draft);
        if (composed.repaired()) {
            LOG.info("reply for {} repaired before sending: {}", Masking.phone(trigger.customerId()), composed.repairs());
        }
        ReplyDelivery.Result result = delivery.deliver(tenant, snapshot, turnId, toAnswer, composed, accounting, keyFacts);
        if (keyFacts != null && composer != null && result == ReplyDelivery.Result.NOTHING_SENT) {
            // No reply was recorded, so the facts did not go with it: what the customer said is still worth keeping.
            // Not after a lost race: the winning turn saved facts from the same messages, maybe newer ones.
            composer.keepKeyFacts(snapshot.conversation().key(), keyFacts, time.now());
        }
        TurnOutcome ended = switch (result) {
            case LOST_RACE -> TurnOutcome.LOST_RACE;
            case WINDOW_CLOSED, NOTHING_SENT -> TurnOutcome.UNDELIVERED;
            case SENT -> outcome;
        };
        return finish(trigger, ended, accounting, started);
    }

    private boolean sendPending(Tenant tenant, ConversationSnapshot snapshot) throws InterruptedException {
        return delivery.resume(tenant, snapshot);
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
