package dev.waagent.domain.schedule;

import dev.waagent.domain.conversation.Conversation;

import java.time.Instant;

/**
 * A conversation as the activity timeline lists it.
 *
 * @param activityAt when the conversation was last active (a turn answered or silenced, a state change)
 */
public record ActiveConversation(Conversation conversation, Instant activityAt) {

    public TimelineCursor cursor() {
        return new TimelineCursor(activityAt, conversation.key().customerId());
    }
}
