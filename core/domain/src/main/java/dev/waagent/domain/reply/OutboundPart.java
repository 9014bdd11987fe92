package dev.waagent.domain.reply;

import java.util.List;
import java.util.Objects;

/**
 * One message of a reply, ready to send: it passed {@link ReplyValidator} when it was made, so WhatsApp will not refuse
 * it for its shape or size. Made by {@link ReplyRepair}; a reply is one or more parts sent in {@code index} order.
 *
 * @param index position in the reply, from 0
 */
public record OutboundPart(int index, Reply content) {

    public OutboundPart {
        Objects.requireNonNull(content, "content");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        List<LimitViolation> violations = ReplyValidator.violations(content);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("WhatsApp would refuse this part: " + violations);
        }
    }

    /**
     * The part's stable idempotency key under the reply's own id ({@code out.<turn>#0}, {@code #1}, …): record it
     * before sending, and a retried turn skips the parts already sent.
     */
    public String key(String replyId) {
        return replyId + "#" + index;
    }

    /** {@code text}, {@code buttons}, {@code list}, {@code card} or {@code template}: for logs and metrics. */
    public String form() {
        Reply reply = content;
        if (reply instanceof Reply.Text) {
            return "text";
        }
        if (reply instanceof Reply.Buttons) {
            return "buttons";
        }
        if (reply instanceof Reply.ListMenu) {
            return "list";
        }
        if (reply instanceof Reply.Card) {
            return "card";
        }
        return "template";
    }

    /** The part as text, for text-only channels and the conversation history. */
    public String asText() {
        return content.asText();
    }
}
