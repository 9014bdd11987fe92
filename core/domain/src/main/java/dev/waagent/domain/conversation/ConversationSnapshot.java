package dev.waagent.domain.conversation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A conversation as read for one turn: its state and its most recent messages, oldest first.
 */
public record ConversationSnapshot(Conversation conversation, List<StoredMessage> recentMessages) {

    public ConversationSnapshot {
        recentMessages = recentMessages.stream()
                .sorted(Comparator.comparing(StoredMessage::receivedAt).thenComparing(StoredMessage::messageId))
                .toList();
    }

    /** Inbound messages that still wait for an answer, oldest first. */
    public List<StoredMessage> unansweredInbound() {
        return recentMessages.stream().filter(StoredMessage::awaitsReply).toList();
    }

    /** Replies recorded by an earlier attempt whose sending was not confirmed. */
    public List<StoredMessage> pendingOutbound() {
        return recentMessages.stream().filter(StoredMessage::awaitsSending).toList();
    }

    public Optional<StoredMessage> newestUnanswered() {
        List<StoredMessage> unanswered = unansweredInbound();
        return unanswered.isEmpty() ? Optional.empty() : Optional.of(unanswered.get(unanswered.size() - 1));
    }
}
