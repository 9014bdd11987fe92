package dev.waagent.domain.memory;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.intent.IntentResolution;

import java.time.Instant;
import java.util.List;

/** What a turn leaves behind besides its reply: key facts on the conversation, and a record of the turn. */
public interface TurnMemory {

    /** Replaces the conversation's key facts with {@code facts} (already merged with the old ones). */
    void saveKeyFacts(ConversationKey key, List<String> facts, Instant at);

    /**
     * Records one composed turn: its intents and which routing stage decided them, its tool calls and results
     * ({@code name(args) -> result} lines), what the context builder left out to fit the budget, and price repairs.
     */
    void recordTurn(ConversationKey key, String turnRef, IntentResolution intents, List<String> toolCalls,
                    List<String> contextDropped, List<String> priceRepairs, Instant at);

    /**
     * Marks the conversation due for a summary now: the context builder had to leave conversation turns out of the
     * prompt. The scheduler's summaries job summarises it on its next run, quiet or not, and clears the mark. A
     * later mark replaces an earlier one.
     */
    void markSummaryDue(ConversationKey key, Instant at);
}
