package dev.waagent.domain.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The platform's report on an outbound message: sent, delivered, read, failed.
 *
 * @param messageId   the outbound message id (wamid) it is about
 * @param recipientId the customer it was sent to
 * @param rawStatus   the platform's status name, kept as sent
 */
public record DeliveryStatusUpdate(
        String channel,
        String businessNumberId,
        String messageId,
        String recipientId,
        DeliveryState state,
        String rawStatus,
        Instant at,
        List<ChannelError> errors) implements ChannelEvent {

    public DeliveryStatusUpdate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessNumberId, "businessNumberId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(state, "state");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
