package dev.waagent.domain.turn;

import dev.waagent.domain.conversation.ReplyAccounting;

import java.time.Duration;

/** Told how each turn ended; the adapter turns it into metrics. */
public interface TurnObserver {

    void turnFinished(String tenantId, TurnOutcome outcome, ReplyAccounting accounting, Duration took);

    TurnObserver NONE = (tenantId, outcome, accounting, took) -> { };
}
