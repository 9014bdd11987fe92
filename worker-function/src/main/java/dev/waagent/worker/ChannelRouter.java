package dev.waagent.worker;

import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelCapabilities;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;

import java.util.Map;

/** Sends through the channel the tenant is on: the WhatsApp Cloud API or Twilio. */
public final class ChannelRouter implements OutboundChannel {

    private final Map<String, OutboundChannel> channels;

    public ChannelRouter(Map<String, OutboundChannel> channels) {
        this.channels = Map.copyOf(channels);
    }

    @Override
    public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
        return channelOf(tenant).sendText(tenant, customerId, text, replyToMessageId);
    }

    @Override
    public void markRead(Tenant tenant, String messageId, boolean showTyping) {
        channelOf(tenant).markRead(tenant, messageId, showTyping);
    }

    @Override
    public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
        return channelOf(tenant).sendReply(tenant, customerId, part, replyToMessageId);
    }

    @Override
    public ChannelCapabilities capabilities(Tenant tenant) {
        OutboundChannel channel = channels.get(tenant.channel());
        return channel == null ? ChannelCapabilities.TEXT_ONLY : channel.capabilities(tenant);
    }

    private OutboundChannel channelOf(Tenant tenant) {
        OutboundChannel channel = channels.get(tenant.channel());
        if (channel == null) {
            throw new ChannelSendException("no sender for channel '" + tenant.channel() + "'", "unknown_channel", false, null);
        }
        return channel;
    }
}
