package dev.waagent.domain.conversation;

import dev.waagent.domain.tools.FollowUpRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A conversation as read for one turn: its state and its most recent messages, oldest first.
 *
 * @param openRequests the customer's open leads and bookings, newest first, when the store keeps them with the
 *                     conversation (read in the same call); null when it does not, and they must be asked for
 *                     ({@code FollowUpRequests#open})
 */
public record ConversationSnapshot(Conversation conversation, List<StoredMessage> recentMessages,
                                   List<FollowUpRequest> openRequests) {

    public ConversationSnapshot {
        recentMessages = recentMessages.stream()
                .sorted(Comparator.comparing(StoredMessage::receivedAt).thenComparing(StoredMessage::messageId))
                .toList();
        openRequests = openRequests == null ? null : List.copyOf(openRequests);
    }

    /** A snapshot whose open requests are not known with it. */
    public ConversationSnapshot(Conversation conversation, List<StoredMessage> recentMessages) {
        this(conversation, recentMessages, null);
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
