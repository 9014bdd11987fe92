package dev.waagent.domain.context;

import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.turn.ReplyGenerator;

import java.util.List;

/**
 * A turn's reply after its tool rounds and the price check.
 *
 * @param last             the final model call (provider, model, route)
 * @param promptTokens     summed over every round
 * @param completionTokens summed over every round
 * @param rounds           model calls made (1 + tool rounds)
 * @param handoffReason    set when the model called {@code hand_off}
 */
public record ComposedReply(String text, ReplyGenerator.GeneratedReply last, int promptTokens, int completionTokens,
                            long latencyMillis, int fallbacks, double costUsd, int rounds, List<ToolResult> toolResults,
                            String handoffReason, List<String> priceRepairs, TurnContext context) {

    public ComposedReply {
        toolResults = List.copyOf(toolResults);
        priceRepairs = List.copyOf(priceRepairs);
    }

    public boolean handoffRequested() {
        return handoffReason != null;
    }

    public ReplyAccounting accounting() {
        var response = last.response();
        return new ReplyAccounting(response.provider(), response.model(), promptTokens, completionTokens, latencyMillis,
                fallbacks, response.needsHuman() || handoffRequested(), costUsd, last.route().cacheHit(),
                last.route().complexity().name(), last.route().path());
    }
}
