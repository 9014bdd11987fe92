package dev.waagent.domain.turn;

import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.TemplateMessage;
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

    /**
     * Sends one part of a reply in its own form. A channel without rich messages sends the part as text (buttons
     * and rows as a numbered list) and refuses templates, which only WhatsApp's Cloud API knows.
     *
     * @return the platform's id for the sent message
     * @throws ChannelSendException refused or failing after retries; {@code template_unsupported} for a template on a
     *                              channel without them
     */
    default String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
        if (part.content() instanceof TemplateMessage) {
            throw new ChannelSendException("channel " + tenant.channel() + " cannot send approved templates",
                    "template_unsupported", false, null);
        }
        return sendText(tenant, customerId, part.asText(), replyToMessageId);
    }

    /** What this channel can send for {@code tenant}; text only unless the channel says more. */
    default ChannelCapabilities capabilities(Tenant tenant) {
        return ChannelCapabilities.TEXT_ONLY;
    }
}
