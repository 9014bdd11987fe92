package dev.waagent.domain.turn;

import java.util.List;

/** Where turn triggers go: a FIFO queue ordered per conversation and deduplicated by message id. */
public interface TurnQueue {

    /** Enqueues all triggers or throws; a partial success throws naming what was not enqueued. */
    void enqueue(List<TurnTrigger> triggers);
}
