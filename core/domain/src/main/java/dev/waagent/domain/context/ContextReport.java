package dev.waagent.domain.context;

import java.util.List;
import java.util.Map;

/**
 * How a prompt was fitted to its budget.
 *
 * @param promptTokens what the prompt counts, tool definitions included
 * @param included     pieces kept per section
 * @param dropped      pieces left out, lowest priority first ({@code "catalog:2"}); empty when everything fitted
 */
public record ContextReport(int budget, int promptTokens, Map<ContextSection, Integer> included, List<String> dropped) {

    public ContextReport {
        included = Map.copyOf(included);
        dropped = List.copyOf(dropped);
    }

    public boolean truncated() {
        return !dropped.isEmpty();
    }

    /**
     * Whether conversation turns (not just knowledge, catalog or customer history) were left out: the history has
     * outgrown the prompt and wants a summary.
     */
    public boolean droppedTurns() {
        String prefix = ContextSection.RECENT_TURNS.wireName() + ":";
        return dropped.stream().anyMatch(piece -> piece.startsWith(prefix));
    }

    public boolean overBudget() {
        return promptTokens > budget;
    }
}
