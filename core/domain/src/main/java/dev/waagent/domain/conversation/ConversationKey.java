package dev.waagent.domain.conversation;

import java.util.Objects;

/** One customer of one tenant: the unit of ordering (one FIFO group) and of storage (one item collection). */
public record ConversationKey(String tenantId, String customerId) {

    public ConversationKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(customerId, "customerId");
    }

    /** FIFO message group id: turns of one customer are processed strictly in order. */
    public String orderingGroup() {
        return tenantId + "#" + customerId;
    }
}
