package dev.waagent.domain.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What the conversation remembers beyond its recent turns, written by the scheduler's jobs.
 *
 * @param summary           a short summary of the turns up to {@code summarizedThrough}, or null
 * @param keyFacts          facts worth keeping (name, items, dates, amounts, open questions); empty when none
 * @param summarizedThrough the newest message (by receive time) the summary covers; older turns leave the prompt
 * @param contextFrom       set by context expiry: turns at or before it are no longer working context
 */
public record ConversationMemory(String summary, List<String> keyFacts, Instant summarizedThrough, Instant contextFrom) {

    public static final ConversationMemory NONE = new ConversationMemory(null, List.of(), null, null);

    public ConversationMemory {
        keyFacts = keyFacts == null ? List.of() : List.copyOf(keyFacts);
    }

    public boolean hasSummary() {
        return summary != null && !summary.isBlank();
    }

    /** Turns received at or before this instant are represented by the summary or expired; null keeps every turn. */
    public Instant historyCutoff() {
        if (summarizedThrough == null) {
            return contextFrom;
        }
        if (contextFrom == null) {
            return summarizedThrough;
        }
        return summarizedThrough.isAfter(contextFrom) ? summarizedThrough : contextFrom;
    }

    /** Whether a turn received at {@code receivedAt} still belongs in the prompt. */
    public boolean keepsTurn(Instant receivedAt) {
        Instant cutoff = historyCutoff();
        return cutoff == null || receivedAt == null || receivedAt.isAfter(cutoff);
    }
}
