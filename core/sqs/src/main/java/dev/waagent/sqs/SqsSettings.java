package dev.waagent.sqs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * The turn queue. In AWS {@code turn-queue-url} comes from the stack; locally the queue is created by name.
 */
@ConfigurationProperties("wa.sqs")
public interface SqsSettings {

    @Nullable
    String getTurnQueueUrl();

    @Bindable(defaultValue = "wa-agent-turns.fifo")
    @NotBlank
    String getTurnQueueName();

    /** Set only for a local SQS (ElasticMQ). */
    @Nullable
    URI getEndpoint();

    /** Create the queue and its dead-letter queue at start-up (local runtime and tests). */
    @Bindable(defaultValue = "false")
    boolean isCreateQueues();

    /** Receives before a message moves to the dead-letter queue. */
    @Bindable(defaultValue = "5")
    @Min(1)
    int getMaxReceiveCount();

    @Bindable(defaultValue = "60s")
    @NotNull
    Duration getVisibilityTimeout();

    /**
     * Queue-level delivery delay. Set to the burst window, most triggers arrive after the burst has ended, so
     * the worker seldom has to wait inside a turn.
     */
    @Bindable(defaultValue = "0s")
    @NotNull
    Duration getDeliveryDelay();
}
