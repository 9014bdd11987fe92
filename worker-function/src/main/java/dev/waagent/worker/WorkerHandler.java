package dev.waagent.worker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

import java.util.List;

/**
 * SQS entry point of the worker. Reports failures per message, so one bad trigger never fails the batch and a
 * poison message reaches the dead-letter queue after the queue's maximum receives.
 */
public class WorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private final TurnBatchProcessor processor;

    /** Used by AWS Lambda. */
    public WorkerHandler() {
        super();
        this.processor = getApplicationContext().getBean(TurnBatchProcessor.class);
    }

    /** Used by tests and the local runtime, which share their context. */
    public WorkerHandler(ApplicationContext context) {
        super(context);
        this.processor = context.getBean(TurnBatchProcessor.class);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<QueuedTurn> turns = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(record -> new QueuedTurn(record.getMessageId(), record.getBody(),
                        record.getAttributes() == null ? null : record.getAttributes().get("MessageGroupId")))
                .toList();
        List<SQSBatchResponse.BatchItemFailure> failures = processor.process(turns).stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
