package dev.waagent.dynamodb;

import dev.waagent.domain.conversation.ConversationKey;

import java.time.Instant;

/**
 * Key layout of the conversations table. Every key starts with the tenant id, so one tenant's items can never
 * be read through another tenant's keys.
 * <ul>
 *   <li>{@code pk = T#<tenant>#C#<customer>}: one item collection per conversation</li>
 *   <li>{@code sk = CONV}: the conversation's state</li>
 *   <li>{@code sk = M#<epoch seconds, 10 digits>#<message id>}: a message, so a reverse query gives the newest first
 *       and the same platform message always maps to the same key (that is the deduplication)</li>
 *   <li>{@code sk = W#<platform message id>}: delivery record of an outbound message, found from a status webhook
 *       that only knows the platform id</li>
 *   <li>{@code sk = I#<platform message id>}: marks an inbound message as seen, written with it in one transaction;
 *       this is the deduplication, since a platform that sends no timestamp (Twilio) cannot give a stable M# key</li>
 * </ul>
 */
final class Keys {

    static final String CONVERSATION_SK = "CONV";
    static final String MESSAGE_PREFIX = "M#";
    static final String DELIVERY_PREFIX = "W#";

    private Keys() {
    }

    static String partition(ConversationKey key) {
        return "T#" + key.tenantId() + "#C#" + key.customerId();
    }

    static String message(Instant sentAt, String messageId) {
        return MESSAGE_PREFIX + String.format("%010d", sentAt.getEpochSecond()) + "#" + messageId;
    }

    static String delivery(String platformMessageId) {
        return DELIVERY_PREFIX + platformMessageId;
    }

    static String seen(String messageId) {
        return "I#" + messageId;
    }

    static String tenant(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String route(String channel, String businessNumberId) {
        return "ROUTE#" + channel + "#" + businessNumberId;
    }
}
