package dev.waagent.domain.turn;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.Direction;
import dev.waagent.domain.conversation.OutboundReply;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.PairPacer;
import dev.waagent.domain.reply.RepairKind;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyDraft;
import dev.waagent.domain.reply.ReplyOption;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.RichMessagePolicy;
import dev.waagent.domain.reply.RichReplyPlanner;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.domain.reply.TextFit;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sending half of a turn: composes what the turn has to say into parts WhatsApp accepts, records them, and sends
 * them in order at the pace Meta allows.
 * <ol>
 *   <li>{@link #compose}: the text (Markdown) plus optional options or a card item → {@link RichReplyPlanner} and
 *       {@link ReplyRepair}; rich forms only when the tenant allows them and the channel can send them; text parts
 *       longer than the channel takes are split.</li>
 *   <li>{@link #deliver}: the {@link ServiceWindow} decides (outside it only the tenant's approved follow-up template
 *       may go); every part is recorded under its stable key ({@code out.<turn>#<n>}) together with the "answered"
 *       marks, in one transaction, before anything is sent; then {@link PairPacer#sendInOrder} sends them, each part
 *       marked sent as soon as the platform accepted it. {@link #deliverAsWritten} does the same for a reply a person
 *       wrote: no template in its place, recorded once per turn id.</li>
 *   <li>{@link #resume}: a retried turn sends the parts still pending, from the first unsent one; a part is never
 *       sent twice by us (each is claimed under a lease before it is sent).</li>
 * </ol>
 * A send error {@value ServiceWindow#WINDOW_CLOSED_ERROR} marks the part and every later one undelivered and records
 * on the conversation when the window was found closed (the follow-up job then takes the template path). Any other
 * failure gives the part's lease back and propagates, so the queue retries the turn and {@link #resume} continues.
 */
public final class ReplyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);
    /** Parts of one reply are recorded a millisecond apart, so their keys sort in sending order. */
    private static final Duration PART_SPACING = Duration.ofMillis(1);

    private final ConversationStore conversations;
    private final OutboundChannel channel;
    private final TimeSource time;
    private final Duration sendLease;
    private final PairPacer pacer;
    private final ServiceWindow window;
    private final RichReplyPlanner planner;
    private final ReplyRepair repair;

    /** Meta's pacing, the window with its default margin, English labels. */
    public ReplyDelivery(ConversationStore conversations, OutboundChannel channel, TimeSource time, Duration sendLease) {
        this(conversations, channel, time, sendLease, PairPacer.metaDefaults(), new ServiceWindow(time),
                new RichReplyPlanner(), new ReplyRepair());
    }

    public ReplyDelivery(ConversationStore conversations, OutboundChannel channel, TimeSource time, Duration sendLease,
                         PairPacer pacer, ServiceWindow window, RichReplyPlanner planner, ReplyRepair repair) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.time = Objects.requireNonNull(time, "time");
        this.sendLease = Objects.requireNonNull(sendLease, "sendLease");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.window = Objects.requireNonNull(window, "window");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.repair = Objects.requireNonNull(repair, "repair");
    }

    /** How a delivery ended. */
    public enum Result {
        /** Every part was accepted by the platform. */
        SENT,
        /** Another turn answered the messages first: nothing recorded, nothing sent. */
        LOST_RACE,
        /** The platform said the 24-hour window is closed (131047): the parts are marked undelivered. */
        WINDOW_CLOSED,
        /** Nothing could be sent (blank reply, or window closed and no approved template): answered without reply. */
        NOTHING_SENT
    }

    // ------------------------------------------------------------------------------------------------ compose

    /** The parts for a plain text answer (Markdown allowed). */
    public RepairResult compose(Tenant tenant, String text) {
        return compose(tenant, ReplyDraft.of(text));
    }

    /**
     * The parts for a text plus structured choices (from a tool or the catalog) and an optional card item.
     *
     * @param options explicit choices, or empty to let the planner find a choice list at the end of {@code text}
     * @param card    one item with a photo, or {@code null}
     */
    public RepairResult compose(Tenant tenant, String text, List<ReplyOption> options, ReplyDraft.CardItem card) {
        return compose(tenant, new ReplyDraft(text, options, card));
    }

    /** The parts for {@code draft}: rich forms only when the tenant allows them and the channel can send them. */
    public RepairResult compose(Tenant tenant, ReplyDraft draft) {
        ChannelCapabilities capabilities = channel.capabilities(tenant);
        boolean rich = tenant.richMessages() && capabilities.richMessages();
        RepairResult composed = planner.compose(draft, rich ? RichMessagePolicy.ALL : RichMessagePolicy.TEXT_ONLY);
        return fitToChannel(composed, capabilities);
    }

    /** Text parts a text-only channel would refuse for their length are split further, at sentence boundaries. */
    static RepairResult fitToChannel(RepairResult composed, ChannelCapabilities capabilities) {
        int max = capabilities.maxTextLength();
        boolean fits = composed.parts().stream().allMatch(part -> !(part.content() instanceof Reply.Text)
                || part.asText().length() <= max);
        if (fits) {
            return composed;
        }
        List<OutboundPart> parts = new ArrayList<>();
        for (OutboundPart part : composed.parts()) {
            if (part.content() instanceof Reply.Text text && text.body().length() > max) {
                for (String piece : TextFit.split(text.body(), max)) {
                    parts.add(new OutboundPart(parts.size(), new Reply.Text(piece)));
                }
            } else {
                parts.add(new OutboundPart(parts.size(), part.content()));
            }
        }
        Set<RepairKind> repairs = new LinkedHashSet<>(composed.repairs());
        repairs.add(RepairKind.TEXT_SPLIT);
        return new RepairResult(parts, List.copyOf(repairs));
    }

    /**
     * The tenant's approved template for {@code purpose}, its parameters filled from {@code values} (by parameter
     * name: {@code customer_name}, {@code topic}, {@code business_name}, {@code item}, {@code date}; a missing value
     * becomes "-", since Meta refuses an empty parameter).
     */
    public static Optional<TemplateMessage> template(Tenant tenant, String purpose, Map<String, String> values) {
        return tenant.template(purpose).map(approved -> fill(approved, tenant, values));
    }

    private static TemplateMessage fill(ApprovedTemplate approved, Tenant tenant, Map<String, String> values) {
        List<String> parameters = approved.parameters().stream().map(name -> {
            String value = values.get(name);
            if ((value == null || value.isBlank()) && "business_name".equals(name)) {
                value = tenant.name();
            }
            return value == null || value.isBlank() ? "-" : value;
        }).toList();
        return new TemplateMessage(approved.name(), approved.language(), parameters);
    }

    // ------------------------------------------------------------------------------------------------ deliver

    /**
     * Records the composed reply with the "answered" marks of {@code toAnswer} in one transaction, then sends its
     * parts in order, paced. Outside the 24-hour window only the tenant's approved follow-up template goes.
     *
     * @param snapshot the conversation as read for this turn (its window and recent sends)
     * @throws ChannelSendException a part failed for a reason other than the closed window: the trigger must be
     *                              retried, and {@link #resume} sends the rest
     */
    public Result deliver(Tenant tenant, ConversationSnapshot snapshot, String turnId, List<StoredMessage> toAnswer,
                          RepairResult composed, ReplyAccounting accounting) throws InterruptedException {
        return deliver(tenant, snapshot, turnId, toAnswer, composed, accounting, null);
    }

    /** The same, saving the conversation's {@code keyFacts} (null: unchanged) in the reply's record. */
    public Result deliver(Tenant tenant, ConversationSnapshot snapshot, String turnId, List<StoredMessage> toAnswer,
                          RepairResult composed, ReplyAccounting accounting, List<String> keyFacts)
            throws InterruptedException {
        return deliver(tenant, snapshot, turnId, toAnswer, composed, accounting, keyFacts, false);
    }

    /**
     * A reply a person wrote (a staff {@code /reply}): sent as written or not at all. Outside the window nothing goes
     * ({@link Result#NOTHING_SENT}; never the follow-up template in its place), and it is recorded once per
     * {@code turnId} ({@link OutboundReply#recordOnce}): a second recording loses ({@link Result#LOST_RACE}).
     */
    public Result deliverAsWritten(Tenant tenant, ConversationSnapshot snapshot, String turnId, List<StoredMessage> toAnswer,
                                   RepairResult composed, ReplyAccounting accounting) throws InterruptedException {
        return deliver(tenant, snapshot, turnId, toAnswer, composed, accounting, null, true);
    }

    private Result deliver(Tenant tenant, ConversationSnapshot snapshot, String turnId, List<StoredMessage> toAnswer,
                           RepairResult composed, ReplyAccounting accounting, List<String> keyFacts, boolean asWritten)
            throws InterruptedException {
        ConversationKey key = snapshot.conversation().key();
        List<OutboundPart> parts = composed.parts();
        ServiceWindow.Status status = windowOf(snapshot.conversation(), toAnswer);
        if (!status.open() && asWritten) {
            parts = List.of();
            LOG.info("reply as written to {} outside the 24-hour window: not sent", Masking.phone(key.customerId()));
        } else if (!status.open()) {
            Optional<TemplateMessage> template = channel.capabilities(tenant).templates()
                    ? template(tenant, ApprovedTemplate.FOLLOW_UP, Map.of("customer_name", nameOf(snapshot.conversation())))
                    : Optional.empty();
            parts = template.map(repair::repair).map(RepairResult::parts).orElse(List.of());
            LOG.info("reply to {} outside the 24-hour window: {}", Masking.phone(key.customerId()),
                    parts.isEmpty() ? "no approved template, not sent" : "approved template instead");
        }
        Instant now = time.now();
        if (parts.isEmpty()) {
            conversations.markAnsweredWithoutReply(key, toAnswer, status.open() ? "empty-reply" : "window-closed", now);
            return Result.NOTHING_SENT;
        }
        List<Instant> recent = recentSends(snapshot);
        List<Instant> planned = pacer.schedule(recent, now, parts.size());
        Duration pacing = Duration.between(now, planned.get(planned.size() - 1));
        String outboundId = "out." + turnId;
        String whole = parts.stream().map(OutboundPart::asText).collect(Collectors.joining("\n\n"));
        OutboundReply reply = new OutboundReply(turnId, outboundId, whole, null, toAnswer, accounting, parts, keyFacts,
                asWritten);
        if (!conversations.recordReply(key, reply, now, now.plus(sendLease).plus(pacing))) {
            LOG.info("turn for {} lost the race: its messages were answered meanwhile", Masking.phone(key.customerId()));
            return Result.LOST_RACE;
        }
        List<Pending> pending = new ArrayList<>();
        for (OutboundPart part : parts) {
            pending.add(new Pending(part.key(outboundId), now.plus(PART_SPACING.multipliedBy(part.index())), part.content(),
                    reply.replyToMessageId()));
        }
        return sendPaced(tenant, key, pending, recent, false);
    }

    /**
     * Sends the parts an earlier attempt recorded but did not get accepted, in order, from the first unsent one.
     *
     * @return whether any part was pending
     * @throws ReplyBeingSentException another worker holds a part's lease (the trigger came back early)
     */
    public boolean resume(Tenant tenant, ConversationSnapshot snapshot) throws InterruptedException {
        List<StoredMessage> waiting = snapshot.pendingOutbound().stream()
                .sorted(Comparator.comparing(StoredMessage::sentAt).thenComparing(StoredMessage::messageId))
                .toList();
        if (waiting.isEmpty()) {
            return false;
        }
        ConversationKey key = snapshot.conversation().key();
        List<Pending> pending = waiting.stream()
                .map(message -> new Pending(message.messageId(), message.sentAt(), message.content() == null
                        ? textOf(message) : message.content(), message.replyToMessageId()))
                .toList();
        Result result = sendPaced(tenant, key, pending, recentSends(snapshot), true);
        LOG.info("resent {} pending part(s) to {}: {}", pending.size(), Masking.phone(key.customerId()), result);
        return true;
    }

    /** A recorded part not yet accepted by the platform. */
    private record Pending(String outboundId, Instant recordedAt, Reply content, String replyTo) {
    }

    /**
     * Sends {@code pending} in order, paced. Leases: a fresh reply holds every part's lease from its recording; a resumed
     * one claims each part just before sending it. On failure only leases this worker holds are given back.
     */
    private Result sendPaced(Tenant tenant, ConversationKey key, List<Pending> pending, List<Instant> recent,
                             boolean claim) throws InterruptedException {
        int[] next = {0};
        int[] held = {claim ? 0 : pending.size()};
        try {
            pacer.sendInOrder(pending, recent, time, part -> {
                if (claim) {
                    Instant now = time.now();
                    if (!conversations.claimPendingSend(key, part.outboundId(), part.recordedAt(), now, now.plus(sendLease))) {
                        throw new ReplyBeingSentException("reply part " + part.outboundId() + " is being sent by another worker");
                    }
                    held[0] = next[0] + 1;
                }
                String platformId = channel.sendReply(tenant, key.customerId(), new OutboundPart(next[0], part.content()),
                        part.replyTo());
                conversations.markSent(key, part.outboundId(), part.recordedAt(), platformId, time.now());
                next[0]++;
            });
            return Result.SENT;
        } catch (ChannelSendException e) {
            if (ServiceWindow.closedByPlatform(e.errorCode())) {
                Instant at = time.now();
                List<Pending> unsent = pending.subList(next[0], pending.size());
                for (Pending part : unsent) {
                    conversations.markUndelivered(key, part.outboundId(), part.recordedAt(), e.errorCode(), at);
                }
                LOG.info("WhatsApp says the 24-hour window with {} is closed: {} part(s) undelivered",
                        Masking.phone(key.customerId()), unsent.size());
                return Result.WINDOW_CLOSED;
            }
            release(key, pending.subList(next[0], Math.max(next[0], held[0])));
            throw e;
        } catch (RuntimeException e) {
            // The retry sends from here at once: give back the leases this worker holds on parts not sent.
            release(key, pending.subList(next[0], Math.max(next[0], held[0])));
            throw e;
        }
    }

    private void release(ConversationKey key, List<Pending> parts) {
        for (Pending part : parts) {
            conversations.releasePendingSend(key, part.outboundId(), part.recordedAt());
        }
    }

    /** The customer's 24-hour window as {@link #deliver} judges it (its margin, Meta's reported closure). */
    public ServiceWindow.Status windowOf(Conversation conversation) {
        return windowOf(conversation, List.of());
    }

    /** The window from the customer's newest message: the stored one, or a message this turn answers. */
    private ServiceWindow.Status windowOf(Conversation conversation, List<StoredMessage> toAnswer) {
        Instant lastInbound = conversation.lastInboundAt();
        for (StoredMessage message : toAnswer) {
            if (lastInbound == null || message.receivedAt().isAfter(lastInbound)) {
                lastInbound = message.receivedAt();
            }
        }
        return window.status(lastInbound, conversation.windowClosedAt());
    }

    /** When our recent messages went (accepted by the platform): they weigh on Meta's pair rate. */
    private static List<Instant> recentSends(ConversationSnapshot snapshot) {
        return snapshot.recentMessages().stream()
                .filter(message -> message.direction() == Direction.OUTBOUND)
                .filter(message -> message.deliveryState() != null && message.deliveryState() != DeliveryState.PENDING
                        && message.deliveryState() != DeliveryState.FAILED)
                .map(StoredMessage::sentAt)
                .toList();
    }

    private static Reply textOf(StoredMessage message) {
        return new Reply.Text(message.text());
    }

    private static String nameOf(Conversation conversation) {
        return conversation.customerName() == null ? "" : conversation.customerName();
    }
}
