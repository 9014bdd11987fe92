package dev.waagent.domain.schedule;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.tenant.Tenant;

/** Tells a tenant's staff about a conversation (e.g. one given back to the bot). Best effort. */
public interface StaffNotices {

    void notify(Tenant tenant, ConversationKey conversation, String notice);
}
