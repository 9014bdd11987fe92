package dev.waagent.domain.channel;

/**
 * One normalized thing a messaging platform told us in a webhook delivery. A single delivery can carry
 * many of these (several entries, changes, messages and statuses).
 */
public sealed interface ChannelEvent permits InboundMessage, DeliveryStatusUpdate, ChannelNotice {

    /** The channel the event came from, e.g. {@code whatsapp} or {@code twilio}. */
    String channel();

    /** The business phone number (Meta {@code phone_number_id}, Twilio {@code To}) the event belongs to; routes to the tenant. */
    String businessNumberId();
}
