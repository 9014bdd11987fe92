package dev.waagent.domain.turn;

import dev.waagent.domain.conversation.ConversationKey;

import java.util.Objects;

/**
 * Asks the worker to take a turn in a conversation because {@code messageId} arrived.
 * Queued with group = {@link ConversationKey#orderingGroup()} and deduplication id = {@code messageId}.
 */
public record TurnTrigger(String tenantId, String customerId, String messageId) {

    public TurnTrigger {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(messageId, "messageId");
    }

    public ConversationKey conversationKey() {
        return new ConversationKey(tenantId, customerId);
    }
}
