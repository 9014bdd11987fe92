package dev.waagent.domain.tools;

import java.util.List;

/**
 * What one tool call returned.
 *
 * @param content        the result as JSON text, sent back to the model
 * @param prices         every amount the result states (catalog prices and quotes): the only prices a reply may name
 * @param handoffReason  set by {@code hand_off}: a person should take over
 */
public record ToolResult(String callId, String name, String arguments, String content, List<QuotedPrice> prices,
                         String handoffReason) {

    public ToolResult {
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    public boolean handoff() {
        return handoffReason != null;
    }

    /** One line for the turn's record. */
    public String describe() {
        return name + "(" + arguments + ") -> " + content;
    }
}
