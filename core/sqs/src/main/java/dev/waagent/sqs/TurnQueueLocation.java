package dev.waagent.sqs;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

/**
 * The turn queue's URL and its dead-letter queue's, created on first use where {@code wa.sqs.create-queues}
 * asks for it (locally); in AWS the configured URL is used as it is.
 */
@Singleton
public class TurnQueueLocation {

    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public TurnQueueLocation(SqsClient sqs, SqsSettings settings) {
        if (settings.isCreateQueues()) {
            String name = settings.getTurnQueueName();
            String dlqName = name.replace(".fifo", "") + "-dlq.fifo";
            this.deadLetterQueueUrl = sqs.createQueue(CreateQueueRequest.builder().queueName(dlqName)
                    .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")).build()).queueUrl();
            String dlqArn = sqs.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(deadLetterQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN).build()).attributes().get(QueueAttributeName.QUEUE_ARN);
            this.queueUrl = sqs.createQueue(CreateQueueRequest.builder().queueName(name)
                    .attributes(Map.of(
                            QueueAttributeName.FIFO_QUEUE, "true",
                            QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(settings.getVisibilityTimeout().toSeconds()),
                            QueueAttributeName.DELAY_SECONDS, Long.toString(settings.getDeliveryDelay().toSeconds()),
                            QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                                    + "\",\"maxReceiveCount\":\"" + settings.getMaxReceiveCount() + "\"}"))
                    .build()).queueUrl();
        } else {
            if (settings.getTurnQueueUrl() == null || settings.getTurnQueueUrl().isBlank()) {
                throw new IllegalStateException("wa.sqs.turn-queue-url (WA_SQS_TURN_QUEUE_URL) is not set");
            }
            this.queueUrl = settings.getTurnQueueUrl();
            this.deadLetterQueueUrl = null;
        }
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Known only where this process created the queues. */
    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }
}
