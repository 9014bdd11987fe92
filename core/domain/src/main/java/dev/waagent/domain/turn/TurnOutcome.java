package dev.waagent.domain.turn;

/** What a turn did; recorded in metrics and the turn's log line. */
public enum TurnOutcome {
    /** A reply was generated and sent. */
    REPLIED,
    /** Every message the trigger names was already answered (a replay or the tail of a burst). */
    NOTHING_TO_ANSWER,
    /** A reply recorded by an earlier attempt was sent; nothing new was generated. */
    RESENT_PENDING,
    /** Another turn claimed the messages between read and write. */
    LOST_RACE,
    /** Recorded without a reply: opted out, spam, or a person owns the conversation. */
    SILENCED,
    /** Answered by a rule (opt-out/opt-in confirmation, handoff notice), not by a model. */
    POLICY_REPLY,
    /**
     * The reply was recorded (its messages are answered) but could not be delivered: WhatsApp said the 24-hour window
     * is closed (131047), or it was closed and the tenant has no approved template, or the reply was empty.
     */
    UNDELIVERED,
    /** The tenant no longer exists or is inactive. */
    TENANT_GONE
}
