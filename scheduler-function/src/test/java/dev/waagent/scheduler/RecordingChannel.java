package dev.waagent.scheduler;

import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelCapabilities;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.whatsapp.GraphApiPayloads;
import dev.waagent.whatsapp.GraphRequestCheck;
import dev.waagent.worker.WorkerFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what would be sent, instead of calling the Graph API. Every request is built as the Graph API client builds
 * it and checked as the Graph stand-in (and Meta) checks it; a customer can be set to answer texts with 131047.
 */
@Singleton
@Replaces(bean = OutboundChannel.class, factory = WorkerFactory.class)
@Requires(property = "test.recording-channel", value = "true")
public class RecordingChannel implements OutboundChannel {

    record Sent(String tenantId, String customerId, String text, String form) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<String> windowClosed = ConcurrentHashMap.newKeySet();

    @Override
    public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
        check(GraphApiPayloads.textMessage(customerId, text, replyToMessageId));
        if (windowClosed.contains(customerId)) {
            throw new ChannelSendException("(#131047) Re-engagement message", "131047", false, null);
        }
        sent.add(new Sent(tenant.id(), customerId, text, "text"));
        return "wamid.followup." + sent.size();
    }

    @Override
    public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
        check(GraphApiPayloads.replyMessage(customerId, part.content(), replyToMessageId));
        if (windowClosed.contains(customerId) && !"template".equals(part.form())) {
            throw new ChannelSendException("(#131047) Re-engagement message", "131047", false, null);
        }
        sent.add(new Sent(tenant.id(), customerId, part.asText(), part.form()));
        return "wamid.followup." + sent.size();
    }

    @Override
    public void markRead(Tenant tenant, String messageId, boolean showTyping) {
    }

    @Override
    public ChannelCapabilities capabilities(Tenant tenant) {
        return ChannelCapabilities.WHATSAPP_CLOUD;
    }

    /** Meta answers free-form messages to this customer with 131047 (templates still go). */
    void closeWindowOf(String customerId) {
        windowClosed.add(customerId);
    }

    List<Sent> to(String customerId) {
        return sent.stream().filter(s -> s.customerId().equals(customerId)).toList();
    }

    private static void check(com.fasterxml.jackson.databind.JsonNode request) {
        GraphRequestCheck.check(request).ifPresent(refusal -> {
            throw new AssertionError("the Graph stand-in would refuse this request: " + refusal.summary());
        });
    }
}
