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
 */
public record Conversation(
        ConversationKey key,
        String customerName,
        ConversationStatus status,
        Instant lastInboundAt,
        Instant lastOutboundAt,
        boolean optedOut,
        String handoffReason,
        ConversationMemory memory) {

    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    public Conversation {
        memory = memory == null ? ConversationMemory.NONE : memory;
    }

    /** A conversation with nothing remembered beyond its turns. */
    public Conversation(ConversationKey key, String customerName, ConversationStatus status, Instant lastInboundAt,
                        Instant lastOutboundAt, boolean optedOut, String handoffReason) {
        this(key, customerName, status, lastInboundAt, lastOutboundAt, optedOut, handoffReason, ConversationMemory.NONE);
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
