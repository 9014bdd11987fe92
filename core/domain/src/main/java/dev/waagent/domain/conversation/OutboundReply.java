package dev.waagent.domain.conversation;

import java.util.List;

/**
 * A reply about to be sent, recorded first so a retried turn resends it instead of generating another.
 *
 * @param outboundId  stable id of this reply (our id, not the platform's)
 * @param answers     the inbound messages this reply answers
 */
public record OutboundReply(String turnId, String outboundId, String text, String replyToMessageId,
                            List<StoredMessage> answers, ReplyAccounting accounting) {

    public OutboundReply {
        answers = List.copyOf(answers);
    }
}
