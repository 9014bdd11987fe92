package dev.waagent.local;

import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.llm.routing.ProviderStatus;
import dev.waagent.dynamodb.DynamoDbSettings;
import dev.waagent.sqs.TurnQueueLocation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: each dependency's state; 503 when any is down. */
@Controller("/health")
public class HealthController {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbSettings tables;
    private final SqsClient sqs;
    private final TurnQueueLocation queues;
    private final LlmRouter llm;

    public HealthController(DynamoDbClient dynamoDb, DynamoDbSettings tables, SqsClient sqs, TurnQueueLocation queues,
                            LlmRouter llm) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.sqs = sqs;
        this.queues = queues;
        this.llm = llm;
    }

    @Get
    public HttpResponse<Map<String, Object>> health() {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean up = true;
        try {
            dynamoDb.describeTable(b -> b.tableName(tables.getConversationsTable()));
            dynamoDb.describeTable(b -> b.tableName(tables.getTenantsTable()));
            components.put("dynamodb", Map.of("status", "UP"));
        } catch (RuntimeException e) {
            up = false;
            components.put("dynamodb", Map.of("status", "DOWN", "error", e.getClass().getSimpleName()));
        }
        try {
            components.put("sqs", Map.of("status", "UP",
                    "turnQueueDepth", depth(queues.queueUrl()),
                    "deadLetterDepth", queues.deadLetterQueueUrl() == null ? 0 : depth(queues.deadLetterQueueUrl())));
        } catch (RuntimeException e) {
            up = false;
            components.put("sqs", Map.of("status", "DOWN", "error", e.getClass().getSimpleName()));
        }
        // Providers never make the runtime DOWN: the local responder always answers.
        Map<String, Object> providers = new LinkedHashMap<>();
        for (ProviderStatus status : llm.status()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("circuit", status.circuit().name());
            view.put("misconfigured", status.misconfigured());
            view.put("lastError", status.lastError() == null ? "none" : status.lastError());
            view.put("p50LatencyMs", status.p50LatencyMillis());
            view.put("calls", status.calls());
            view.put("failures", status.failures());
            view.put("timesOpened", status.timesOpened());
            providers.put(status.name(), view);
        }
        providers.put("local", Map.of("circuit", "CLOSED", "role", "last resort"));
        components.put("llm", providers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        return up ? HttpResponse.ok(body) : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private int depth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                .queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                .build()).attributes();
        return Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }
}
