package dev.waagent.domain.schedule;

/** Each tenant's {@link ConversationTimings}. */
public interface TenantTimings {

    ConversationTimings forTenant(String tenantId);
}
