package dev.waagent.domain.turn;

import java.time.Duration;

/**
 * @param burstWindow     how long to wait after a customer's newest unanswered message before answering, so a burst gets one reply
 * @param historyMessages how many recent messages go into the prompt
 * @param turnDeadline    the whole reply chain must finish within this
 * @param maxReplyTokens  completion bound
 * @param temperature     sampling temperature
 */
public record TurnSettings(Duration burstWindow, int historyMessages, Duration turnDeadline, int maxReplyTokens,
                           double temperature) {

    public static TurnSettings defaults() {
        return new TurnSettings(Duration.ofSeconds(2), 12, Duration.ofSeconds(20), 400, 0.3);
    }
}
