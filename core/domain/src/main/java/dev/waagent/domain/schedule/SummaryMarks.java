package dev.waagent.domain.schedule;

import dev.waagent.domain.conversation.ConversationKey;

import java.time.Instant;

/**
 * Conversations whose history outgrew the prompt: the worker marks one when its context builder had to drop
 * conversation turns ({@link dev.waagent.domain.memory.TurnMemory#markSummaryDue}); the summaries job summarises it
 * on its next run without waiting for it to go quiet, then clears the mark. Reading the marks reads only marked
 * conversations, never the table.
 */
public interface SummaryMarks {

    /**
     * Conversations of {@code tenantId} marked at or before {@code upTo}, oldest mark first, at most {@code limit};
     * each item's {@code activityAt} is when it was marked.
     */
    TimelinePage marked(String tenantId, Instant upTo, int limit);

    /**
     * Clears the mark made at {@code markedAt}. A mark made since (the conversation overflowed again while it was
     * being summarised) stays, so that marking is handled on the next run.
     *
     * @return false when the mark was replaced or already cleared
     */
    boolean clearMark(ConversationKey key, Instant markedAt);
}
