package dev.waagent.domain.tools;

import dev.waagent.domain.conversation.ConversationKey;

import java.time.Instant;
import java.util.List;

/** Where leads and booking requests wait for staff (DynamoDB items next to the conversation). */
public interface FollowUpRequests {

    void record(FollowUpRequest request);

    /** The customer's open leads and bookings, newest first. */
    List<FollowUpRequest> open(ConversationKey key, Instant now, int limit);
}
