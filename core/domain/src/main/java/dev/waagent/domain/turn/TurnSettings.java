package dev.waagent.domain.turn;

import java.time.Duration;

/**
 * @param burstWindow     how long to wait after a customer's newest unanswered message before answering, so a burst gets one reply
 * @param historyMessages how many recent messages go into the prompt
 * @param turnDeadline    the whole reply chain must finish within this
 * @param maxReplyTokens  completion bound
 * @param temperature     sampling temperature
 * @param sendLease       how long a worker may take to send a recorded reply before another may resend it; longer
 *                        than the sender's worst case (all its retries), shorter than the queue's visibility timeout
 */
public record TurnSettings(Duration burstWindow, int historyMessages, Duration turnDeadline, int maxReplyTokens,
                           double temperature, Duration sendLease) {

    public static TurnSettings defaults() {
        return new TurnSettings(Duration.ofSeconds(2), 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
    }
}
