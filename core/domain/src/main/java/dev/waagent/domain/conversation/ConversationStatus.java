package dev.waagent.domain.conversation;

public enum ConversationStatus {
    /** The agent answers. */
    ACTIVE,
    /** A person owns the conversation; the agent stays silent. */
    HANDED_OFF,
    CLOSED
}
