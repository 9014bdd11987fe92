package dev.waagent.worker;

/**
 * A queued turn trigger as the batch processor sees it, free of Lambda types.
 *
 * @param queueMessageId the queue's id for the message (what a batch failure names)
 * @param group          the FIFO message group, or {@code null} when the queue did not say
 */
public record QueuedTurn(String queueMessageId, String body, String group) {
}
