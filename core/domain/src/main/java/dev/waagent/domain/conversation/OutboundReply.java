package dev.waagent.domain.conversation;

import dev.waagent.domain.reply.OutboundPart;

import java.util.List;

/**
 * A reply about to be sent, recorded first so a retried turn resends it instead of generating another.
 *
 * @param outboundId  stable id of this reply (our id, not the platform's)
 * @param text        the whole reply as text (history, prompts)
 * @param answers     the inbound messages this reply answers
 * @param parts       the messages to send, in order, each recorded under {@link OutboundPart#key(String)}
 *                    ({@code out.<turn>#0}, {@code #1}, …); empty: one text message under {@code outboundId}
 * @param keyFacts    the conversation's key facts as this turn left them, saved in the same write as the reply;
 *                    null: unchanged
 * @param recordOnce  recorded at most once per {@code turnId}: the store keeps a marker for the turn with the parts, so
 *                    a retry finds them ({@link ConversationStore#recordedParts}) however many messages came after. For
 *                    replies whose turn id is stable across retries (a staff {@code /reply}: the command's message id);
 *                    a bot turn is made idempotent by the "answered" marks of the messages it answers instead
 */
public record OutboundReply(String turnId, String outboundId, String text, String replyToMessageId,
                            List<StoredMessage> answers, ReplyAccounting accounting, List<OutboundPart> parts,
                            List<String> keyFacts, boolean recordOnce) {

    public OutboundReply {
        answers = List.copyOf(answers);
        parts = parts == null ? List.of() : List.copyOf(parts);
        keyFacts = keyFacts == null ? null : List.copyOf(keyFacts);
    }

    /** A reply made idempotent by its "answered" marks. */
    public OutboundReply(String turnId, String outboundId, String text, String replyToMessageId,
                         List<StoredMessage> answers, ReplyAccounting accounting, List<OutboundPart> parts,
                         List<String> keyFacts) {
        this(turnId, outboundId, text, replyToMessageId, answers, accounting, parts, keyFacts, false);
    }

    /** A reply that leaves the key facts as they are. */
    public OutboundReply(String turnId, String outboundId, String text, String replyToMessageId,
                         List<StoredMessage> answers, ReplyAccounting accounting, List<OutboundPart> parts) {
        this(turnId, outboundId, text, replyToMessageId, answers, accounting, parts, null, false);
    }

    /** A reply sent as one text message. */
    public OutboundReply(String turnId, String outboundId, String text, String replyToMessageId,
                         List<StoredMessage> answers, ReplyAccounting accounting) {
        this(turnId, outboundId, text, replyToMessageId, answers, accounting, List.of(), null, false);
    }
}
