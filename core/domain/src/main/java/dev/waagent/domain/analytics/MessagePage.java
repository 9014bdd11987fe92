package dev.waagent.domain.analytics;

import dev.waagent.domain.conversation.StoredMessage;

import java.util.List;

/**
 * One page of a tenant's messages in a time range, oldest first.
 *
 * @param nextCursor where the next page starts; null when the range is done
 * @param readUnits  read capacity the page consumed (0 where unknown)
 */
public record MessagePage(List<StoredMessage> messages, String nextCursor, double readUnits) {

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
