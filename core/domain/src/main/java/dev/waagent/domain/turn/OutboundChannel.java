package dev.waagent.domain.turn;

import dev.waagent.domain.tenant.Tenant;

/** Sends on the tenant's business number. */
public interface OutboundChannel {

    /**
     * Sends a text message.
     *
     * @param replyToMessageId quote this inbound message, or {@code null}
     * @return the platform's id for the sent message
     * @throws ChannelSendException when the platform refused or could not be reached after retries
     */
    String sendText(Tenant tenant, String customerId, String text, String replyToMessageId);

    /** Marks the customer's message read and, when asked, shows the typing indicator. Best effort. */
    void markRead(Tenant tenant, String messageId, boolean showTyping);
}
