package dev.waagent.local;

import dev.waagent.domain.turn.TurnQueue;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.dynamodb.DynamoDbSettings;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ElasticMQ keeps its queue in memory, DynamoDB Local keeps its tables on disk: after a restart, every stored
 * message still waiting for its reply, and every reply recorded but not yet sent, is queued again, so a restart
 * loses nothing. (A full scan is fine for a
 * laptop's data; in AWS the queue is durable and this does not run.)
 */
@Singleton
public class PendingTurnRecovery implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PendingTurnRecovery.class);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbSettings tables;
    private final TurnQueue queue;

    public PendingTurnRecovery(DynamoDbClient dynamoDb, DynamoDbSettings tables, TurnQueue queue) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.queue = queue;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        List<TurnTrigger> pending = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamoDb.scan(ScanRequest.builder()
                    .tableName(tables.getConversationsTable())
                    .filterExpression("kind = :msg AND ((direction = :in AND attribute_not_exists(answeredBy))"
                            + " OR (direction = :out AND delivery = :pending))")
                    .expressionAttributeValues(Map.of(":msg", AttributeValue.fromS("MSG"), ":in", AttributeValue.fromS("INBOUND"),
                            ":out", AttributeValue.fromS("OUTBOUND"), ":pending", AttributeValue.fromS("PENDING")))
                    .exclusiveStartKey(start)
                    .build());
            page.items().forEach(item -> pending.add(new TurnTrigger(item.get("tenantId").s(),
                    item.get("customerId").s(), item.get("messageId").s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (!pending.isEmpty()) {
            queue.enqueue(pending);
            LOG.info("re-queued {} message(s) still waiting for a reply", pending.size());
        }
    }
}
