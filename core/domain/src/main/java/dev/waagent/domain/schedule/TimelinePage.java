package dev.waagent.domain.schedule;

import java.util.List;

/**
 * One page of a tenant's activity timeline, oldest activity first.
 *
 * @param more      the range holds more conversations after this page
 * @param readUnits DynamoDB read capacity the page consumed (0 where unknown)
 */
public record TimelinePage(List<ActiveConversation> items, boolean more, double readUnits) {

    public TimelinePage {
        items = List.copyOf(items);
    }
}
