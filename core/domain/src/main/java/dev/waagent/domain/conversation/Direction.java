package dev.waagent.domain.conversation;

public enum Direction {
    INBOUND, OUTBOUND
}
