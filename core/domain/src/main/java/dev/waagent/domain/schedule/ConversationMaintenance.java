package dev.waagent.domain.schedule;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.StoredMessage;

import java.time.Instant;
import java.util.List;

/**
 * What the scheduler's jobs change on a conversation. None of these counts as activity: the conversation keeps
 * its place on the activity timeline. Each change is conditional, so a re-run (or a run racing new activity)
 * writes nothing twice.
 */
public interface ConversationMaintenance {

    /** The turn id of follow-up messages: a follow-up is never itself followed up. */
    String FOLLOW_UP_TURN = "follow-up";

    /**
     * Clears the working context (turns up to {@code now} leave the prompt; summary and key facts stay), if the
     * conversation has not been active since {@code activityAt} and was not already expired for that activity.
     *
     * @return false when there was new activity or it was already done
     */
    boolean expireContext(ConversationKey key, Instant activityAt, Instant now);

    /**
     * Gives a handed-off conversation back to the bot, if it is still handed off and has not been active since
     * {@code activityAt}.
     */
    boolean returnToBot(ConversationKey key, Instant activityAt, Instant now);

    /** Messages received after {@code after} (all when null), oldest first, at most {@code limit}. */
    List<StoredMessage> messagesAfter(ConversationKey key, Instant after, Instant now, int limit);

    /**
     * Stores a summary that covers more than the stored one ({@code updated.summarizedThrough()} is later).
     *
     * @param read    the memory as the job read it: its {@code summarizedThrough} and {@code keyFacts} must still be
     *                stored, so neither another run's summary nor the facts a turn saved meanwhile are overwritten
     * @param updated the new summary, coverage and key facts
     * @return false when another run stored a summary, or a turn changed the key facts, since {@code read}
     */
    boolean saveSummary(ConversationKey key, ConversationMemory read, ConversationMemory updated, Instant now);

    /**
     * Claims the one follow-up to our question {@code questionId}: only if the conversation has not been active
     * since {@code activityAt}, the customer has not opted out, no person owns it, and no follow-up was claimed for
     * that question. A claimed follow-up is never claimed again, sent or not (at most once).
     */
    boolean claimFollowUp(ConversationKey key, Instant activityAt, String questionId, Instant now);

    /** Records a sent follow-up in the conversation's history (not activity: the timeline place stays). */
    void recordFollowUp(ConversationKey key, String outboundId, String text, String platformMessageId, Instant at);

    /**
     * Records that a follow-up was due but could not be sent as text (outside the 24-hour window, where only an
     * approved template may go), so the template path can send it.
     */
    void recordFollowUpIntent(ConversationKey key, String questionId, String reason, Instant at);
}
