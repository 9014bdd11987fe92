package dev.waagent.domain.channel;

import java.util.Locale;

/** Inbound message kinds we distinguish. Anything else is kept as {@link #UNKNOWN} with its raw type name. */
public enum MessageType {
    TEXT(true),
    IMAGE(true),
    AUDIO(true),
    VIDEO(true),
    DOCUMENT(true),
    STICKER(false),
    LOCATION(true),
    CONTACTS(true),
    /** Interactive reply-button answer. */
    BUTTON_REPLY(true),
    /** Interactive list-row answer. */
    LIST_REPLY(true),
    /** Template quick-reply button. */
    BUTTON(true),
    /** WhatsApp Flow response (interactive nfm_reply). */
    FLOW_REPLY(true),
    ORDER(true),
    /** A reaction or its removal: recorded, never answered. */
    REACTION(false),
    /** System notices such as a changed number: recorded, never answered. */
    SYSTEM(false),
    /** A message the platform could not deliver to us in readable form (e.g. error 131051). */
    UNSUPPORTED(true),
    /** A message the customer deleted. */
    DELETED(false),
    UNKNOWN(true);

    private final boolean expectsReply;

    MessageType(boolean expectsReply) {
        this.expectsReply = expectsReply;
    }

    /** Whether a customer sending this kind of message is waiting for an answer. */
    public boolean expectsReply() {
        return expectsReply;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageType fromWireName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return MessageType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
