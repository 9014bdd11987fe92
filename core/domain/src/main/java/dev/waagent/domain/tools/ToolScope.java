package dev.waagent.domain.tools;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.tenant.Tenant;

import java.time.Instant;

/** Whose turn a tool call serves: tools never see another tenant's catalog or another customer's requests. */
public record ToolScope(Tenant tenant, ConversationKey key, Instant now) {
}
