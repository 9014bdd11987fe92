package dev.waagent.sqs;

import dev.waagent.domain.turn.TurnQueue;
import dev.waagent.domain.turn.TurnTrigger;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turn triggers on the FIFO queue: group = tenant#customer (one customer's turns in order, customers in
 * parallel), deduplication id = message id (a replayed webhook within five minutes enqueues nothing new).
 */
@Singleton
public class SqsTurnQueue implements TurnQueue {

    private static final int SQS_BATCH_LIMIT = 10;

    private final SqsClient sqs;
    private final TurnQueueLocation location;
    private final TurnTriggerCodec codec;

    public SqsTurnQueue(SqsClient sqs, TurnQueueLocation location, TurnTriggerCodec codec) {
        this.sqs = sqs;
        this.location = location;
        this.codec = codec;
    }

    @Override
    public void enqueue(List<TurnTrigger> triggers) {
        if (triggers.size() == 1) {
            TurnTrigger trigger = triggers.get(0);
            sqs.sendMessage(SendMessageRequest.builder()
                    .queueUrl(location.queueUrl())
                    .messageBody(codec.write(trigger))
                    .messageGroupId(trigger.conversationKey().orderingGroup())
                    .messageDeduplicationId(deduplicationId(trigger))
                    .build());
            return;
        }
        for (int from = 0; from < triggers.size(); from += SQS_BATCH_LIMIT) {
            List<TurnTrigger> chunk = triggers.subList(from, Math.min(from + SQS_BATCH_LIMIT, triggers.size()));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                TurnTrigger trigger = chunk.get(i);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(codec.write(trigger))
                        .messageGroupId(trigger.conversationKey().orderingGroup())
                        .messageDeduplicationId(deduplicationId(trigger))
                        .build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(SendMessageBatchRequest.builder()
                    .queueUrl(location.queueUrl()).entries(entries).build());
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " of " + chunk.size()
                        + " turn triggers were not enqueued: " + response.failed().get(0).code());
            }
        }
    }

    /** SQS allows 128 characters; a platform id longer than that is shortened to a stable digest. */
    static String deduplicationId(TurnTrigger trigger) {
        String id = trigger.tenantId() + ":" + trigger.messageId();
        if (id.length() <= 128) {
            return id;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
