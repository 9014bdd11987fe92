package dev.waagent.scheduler;

import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.worker.WorkerFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would be sent, instead of calling the Graph API. */
@Singleton
@Replaces(bean = OutboundChannel.class, factory = WorkerFactory.class)
@Requires(property = "test.recording-channel", value = "true")
public class RecordingChannel implements OutboundChannel {

    record Sent(String tenantId, String customerId, String text) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
        sent.add(new Sent(tenant.id(), customerId, text));
        return "wamid.followup." + sent.size();
    }

    @Override
    public void markRead(Tenant tenant, String messageId, boolean showTyping) {
    }

    List<Sent> to(String customerId) {
        return sent.stream().filter(s -> s.customerId().equals(customerId)).toList();
    }
}
