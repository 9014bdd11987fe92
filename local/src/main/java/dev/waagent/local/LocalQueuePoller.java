package dev.waagent.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.waagent.sqs.SqsSettings;
import dev.waagent.sqs.TurnQueueLocation;
import dev.waagent.worker.WorkerHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Drives the worker handler the way Lambda's SQS event source mapping does: long-polls batches, invokes the
 * handler with an {@link SQSEvent}, deletes what succeeded and leaves the reported failures to reappear after the
 * visibility timeout (and, past the queue's maximum receives, to move to the dead-letter queue).
 */
@Singleton
public class LocalQueuePoller implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalQueuePoller.class);

    private final ApplicationContext context;
    private final SqsClient sqs;
    private final TurnQueueLocation queue;
    private final LocalSettings settings;
    private final SqsSettings queueSettings;
    private ExecutorService pollers;
    private volatile boolean running;

    public LocalQueuePoller(ApplicationContext context, SqsClient sqs, TurnQueueLocation queue, LocalSettings settings,
                            SqsSettings queueSettings) {
        this.context = context;
        this.sqs = sqs;
        this.queue = queue;
        this.settings = settings;
        this.queueSettings = queueSettings;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (running) {
            return;
        }
        running = true;
        WorkerHandler handler = new WorkerHandler(context);
        pollers = Executors.newFixedThreadPool(settings.getPollers(), runnable -> {
            Thread thread = new Thread(runnable, "local-sqs-poller");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < settings.getPollers(); i++) {
            pollers.execute(() -> pollLoop(handler));
        }
    }

    private void pollLoop(WorkerHandler handler) {
        while (running) {
            try {
                pollOnce(handler);
            } catch (RuntimeException | Error e) {
                // A poller must never die silently: log, pause, keep polling.
                if (running) {
                    LOG.error("poll failed", e);
                    sleepQuietly(500);
                }
            }
        }
    }

    /** @return how many messages the batch held */
    int pollOnce(WorkerHandler handler) {
        List<Message> messages = sqs.receiveMessage(ReceiveMessageRequest.builder()
                .queueUrl(queue.queueUrl())
                .maxNumberOfMessages(Math.min(10, settings.getBatchSize()))
                .waitTimeSeconds((int) Math.max(0, settings.getReceiveWait().toSeconds()))
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .build()).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(LocalQueuePoller::toRecord).toList());
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event,
                    new LocalLambdaContext(queueSettings.getVisibilityTimeout().toMillis()));
            failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            // A handler that throws fails the whole batch, as in Lambda.
            LOG.warn("worker invocation failed: {}", e.toString());
            return messages.size();
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queue.queueUrl()).entries(done));
        }
        return messages.size();
    }

    private static SQSEvent.SQSMessage toRecord(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:local");
        record.setAwsRegion("us-east-1");
        return record;
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (pollers != null) {
            pollers.shutdown();
            try {
                pollers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pollers.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
