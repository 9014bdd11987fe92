package dev.waagent.domain.conversation;

/** What persisting an inbound message found. */
public enum InboundRecordResult {
    /** First time we see this message id. */
    STORED,
    /** A replay of a message we hold that still waits for its answer (so its turn must still be queued). */
    DUPLICATE_PENDING,
    /** A replay of a message that was already answered or needs no answer: nothing to do. */
    DUPLICATE_DONE;

    public boolean needsTurn() {
        return this != DUPLICATE_DONE;
    }
}
