package dev.waagent.domain.channel;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message a customer sent to a business number, normalized across channels.
 *
 * @param channel          channel name ({@code whatsapp}, {@code twilio})
 * @param businessNumberId the business number it was sent to (routes to the tenant)
 * @param messageId        the platform's id (wamid / MessageSid); the idempotency key
 * @param customerId       the customer's stable id on the channel (wa_id, or the business-scoped user id when no phone is shared)
 * @param customerName     profile name when the platform gave one, else {@code null}
 * @param type             normalized kind
 * @param rawType          the platform's own type name, kept for kinds we do not know yet
 * @param text             what the customer said, as text (body, caption, button title, location name…); may be {@code null}
 * @param sentAt           when the platform says the customer sent it
 * @param replyToMessageId the message this one replies to ({@code context.id}), or {@code null}
 * @param attributes       type-specific details (button payload, media id, coordinates, referral…), flat string map
 */
public record InboundMessage(
        String channel,
        String businessNumberId,
        String messageId,
        String customerId,
        String customerName,
        MessageType type,
        String rawType,
        String text,
        Instant sentAt,
        String replyToMessageId,
        Map<String, String> attributes) implements ChannelEvent {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessNumberId, "businessNumberId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentAt, "sentAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean expectsReply() {
        return type.expectsReply();
    }
}
