package dev.waagent.domain.conversation;

import java.time.Duration;
import java.time.Instant;

/**
 * The state of one customer's conversation with a tenant.
 *
 * @param lastInboundAt when the customer last wrote: WhatsApp's 24-hour service window runs from here
 * @param optedOut      the customer said STOP: nothing is sent until they say START
 * @param handoffReason why a person took over (while {@link ConversationStatus#HANDED_OFF}), else null
 * @param memory        summary, key facts and where the working context starts (scheduler jobs write it)
 * @param windowClosedAt when Meta last reported the 24-hour window closed (error 131047) for this customer, or null;
 *                       it counts only while no newer customer message arrived (see {@code ServiceWindow})
 */
public record Conversation(
        ConversationKey key,
        String customerName,
        ConversationStatus status,
        Instant lastInboundAt,
        Instant lastOutboundAt,
        boolean optedOut,
        String handoffReason,
        ConversationMemory memory,
        Instant windowClosedAt) {

    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    public Conversation {
        memory = memory == null ? ConversationMemory.NONE : memory;
    }

    /** A conversation Meta never reported outside its window. */
    public Conversation(ConversationKey key, String customerName, ConversationStatus status, Instant lastInboundAt,
                        Instant lastOutboundAt, boolean optedOut, String handoffReason, ConversationMemory memory) {
        this(key, customerName, status, lastInboundAt, lastOutboundAt, optedOut, handoffReason, memory, null);
    }

    /** A conversation with nothing remembered beyond its turns. */
    public Conversation(ConversationKey key, String customerName, ConversationStatus status, Instant lastInboundAt,
                        Instant lastOutboundAt, boolean optedOut, String handoffReason) {
        this(key, customerName, status, lastInboundAt, lastOutboundAt, optedOut, handoffReason, ConversationMemory.NONE, null);
    }

    public static Conversation start(ConversationKey key) {
        return new Conversation(key, null, ConversationStatus.ACTIVE, null, null, false, null);
    }

    public boolean handedOff() {
        return status == ConversationStatus.HANDED_OFF;
    }

    public boolean insideServiceWindow(Instant now) {
        return lastInboundAt != null && now.isBefore(lastInboundAt.plus(SERVICE_WINDOW));
    }
}
