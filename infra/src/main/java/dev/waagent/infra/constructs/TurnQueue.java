package dev.waagent.infra.constructs;

import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.DeduplicationScope;
import software.amazon.awscdk.services.sqs.FifoThroughputLimit;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The SQS FIFO turn queue and its FIFO dead-letter queue.
 *
 * <ul>
 *   <li>No content-based deduplication: the webhook sets the deduplication id to the WhatsApp message id and the
 *       group id to {@code tenant#customer}, so ordering is per customer.</li>
 *   <li>High-throughput FIFO (deduplication and throughput per message group): thousands of customers are thousands
 *       of groups.</li>
 *   <li>Delivery delay = the burst window, so a burst of messages usually reaches the worker as one batch.</li>
 *   <li>Visibility timeout = 6 × the consumer's timeout (AWS guidance for Lambda event sources).</li>
 *   <li>KMS encryption with the given customer-managed key; TLS enforced by queue policy.</li>
 * </ul>
 */
public final class TurnQueue extends Construct {

    /**
     * @param baseName        e.g. {@code wa-agent-dev-turns}; the queues are {@code <base>.fifo} and {@code <base>-dlq.fifo}
     * @param deliveryDelay   whole seconds, 0..900
     * @param consumerTimeout timeout of the consuming function
     * @param maxReceiveCount receives before a message moves to the DLQ (1..1000)
     * @param key             customer-managed KMS key
     * @param removalPolicy   for both queues
     */
    public record Props(String baseName, java.time.Duration deliveryDelay, java.time.Duration consumerTimeout,
                        int maxReceiveCount, IKey key, RemovalPolicy removalPolicy) {
        public Props {
            if (baseName == null || !baseName.matches("[A-Za-z0-9_-]{1,70}")) {
                throw new IllegalArgumentException("baseName must be 1-70 of [A-Za-z0-9_-] (the DLQ name adds "
                        + "'-dlq.fifo' within SQS's 80 characters): " + baseName);
            }
            Objects.requireNonNull(deliveryDelay, "deliveryDelay");
            if (deliveryDelay.isNegative() || deliveryDelay.toSeconds() > 900 || deliveryDelay.toMillisPart() != 0) {
                throw new IllegalArgumentException("deliveryDelay must be whole seconds in 0..900, got "
                        + deliveryDelay);
            }
            Objects.requireNonNull(consumerTimeout, "consumerTimeout");
            if (consumerTimeout.toSeconds() < 1 || consumerTimeout.toSeconds() * 6 > 43_200) {
                throw new IllegalArgumentException("6 x consumerTimeout must fit SQS's 12 h visibility maximum, got "
                        + consumerTimeout);
            }
            if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
                throw new IllegalArgumentException("maxReceiveCount must be 1..1000, got " + maxReceiveCount);
            }
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(removalPolicy, "removalPolicy");
        }

        public String queueName() {
            return baseName + ".fifo";
        }

        public String deadLetterQueueName() {
            return baseName + "-dlq.fifo";
        }
    }

    private final Queue queue;
    private final Queue deadLetterQueue;

    public TurnQueue(Construct scope, String id, Props props) {
        super(scope, id);
        deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .queueName(props.deadLetterQueueName())
                .fifo(true)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(props.key())
                .enforceSsl(true)
                .removalPolicy(props.removalPolicy())
                .build();
        queue = Queue.Builder.create(this, "Queue")
                .queueName(props.queueName())
                .fifo(true)
                .contentBasedDeduplication(false)
                .deduplicationScope(DeduplicationScope.MESSAGE_GROUP)
                .fifoThroughputLimit(FifoThroughputLimit.PER_MESSAGE_GROUP_ID)
                .deliveryDelay(Duration.seconds(props.deliveryDelay().toSeconds()))
                .visibilityTimeout(Duration.seconds(props.consumerTimeout().toSeconds() * 6))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetterQueue)
                        .maxReceiveCount(props.maxReceiveCount())
                        .build())
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(props.key())
                .enforceSsl(true)
                .removalPolicy(props.removalPolicy())
                .build();
    }

    public Queue queue() {
        return queue;
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }
}
