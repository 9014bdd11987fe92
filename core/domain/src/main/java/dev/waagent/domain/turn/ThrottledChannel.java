package dev.waagent.domain.turn;

import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.tenant.Tenant;

import java.time.Duration;
import java.util.Objects;

/**
 * Every message sent through it first waits for its business number's {@link NumberThroughput}. Read receipts and
 * typing indicators pass straight through: they are not messages and must not queue behind a burst of replies.
 */
public final class ThrottledChannel implements OutboundChannel {

    /** Told how long a send waited for its number's throughput (only when it waited). */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (tenantId, waited) -> { };

        void waited(String tenantId, Duration waited);
    }

    private final OutboundChannel delegate;
    private final NumberThroughput throughput;
    private final Observer observer;

    public ThrottledChannel(OutboundChannel delegate, NumberThroughput throughput, Observer observer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.throughput = Objects.requireNonNull(throughput, "throughput");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
        await(tenant);
        return delegate.sendText(tenant, customerId, text, replyToMessageId);
    }

    @Override
    public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
        await(tenant);
        return delegate.sendReply(tenant, customerId, part, replyToMessageId);
    }

    @Override
    public void markRead(Tenant tenant, String messageId, boolean showTyping) {
        delegate.markRead(tenant, messageId, showTyping);
    }

    @Override
    public ChannelCapabilities capabilities(Tenant tenant) {
        return delegate.capabilities(tenant);
    }

    private void await(Tenant tenant) {
        Duration waited;
        try {
            waited = throughput.acquire(tenant.channel() + ":" + tenant.businessNumberId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelSendException("interrupted while waiting for the number's throughput", "interrupted", true, e);
        }
        if (!waited.isZero()) {
            observer.waited(tenant.id(), waited);
        }
    }
}
