package dev.waagent.domain.conversation;

import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.reply.Reply;

import java.time.Instant;

/**
 * A message as kept in a conversation's history.
 *
 * @param messageId         inbound: the platform id (wamid); outbound: our own id, stable before sending
 * @param platformMessageId outbound: the platform id once sent, else {@code null}; inbound: same as messageId
 * @param answeredBy        inbound: the turn that answered it ({@code null} while unanswered)
 * @param turnId            outbound: the turn that produced it
 * @param deliveryState     outbound: {@link DeliveryState#PENDING} until the platform accepted it
 * @param content           outbound: the reply part in its form (buttons, list, card, template), kept so a retried
 *                          turn resends exactly what was recorded; {@code null} for plain text ({@code text})
 */
public record StoredMessage(
        ConversationKey key,
        String messageId,
        String platformMessageId,
        Direction direction,
        MessageType type,
        String text,
        Instant sentAt,
        Instant receivedAt,
        String answeredBy,
        String turnId,
        DeliveryState deliveryState,
        String replyToMessageId,
        ReplyAccounting accounting,
        Reply content) {

    /** A message with no structured content (inbound, or outbound plain text). */
    public StoredMessage(ConversationKey key, String messageId, String platformMessageId, Direction direction,
                         MessageType type, String text, Instant sentAt, Instant receivedAt, String answeredBy,
                         String turnId, DeliveryState deliveryState, String replyToMessageId, ReplyAccounting accounting) {
        this(key, messageId, platformMessageId, direction, type, text, sentAt, receivedAt, answeredBy, turnId,
                deliveryState, replyToMessageId, accounting, null);
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }

    public boolean awaitsReply() {
        return isInbound() && answeredBy == null && type.expectsReply();
    }

    public boolean awaitsSending() {
        return direction == Direction.OUTBOUND && deliveryState == DeliveryState.PENDING;
    }
}
