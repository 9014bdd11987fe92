package dev.waagent.dynamodb;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.schedule.JobCheckpoints;
import dev.waagent.domain.schedule.SummaryMarks;
import dev.waagent.domain.schedule.TimelineCursor;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.domain.TimeSource;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activity timeline on the sparse GSI {@code due-index} and the jobs' checkpoints on it (see {@link Keys}).
 * <p>
 * Access patterns:
 * <ul>
 *   <li>due work: {@code Query due-index: dueBucket = T#<tenant>#ACT AND dueAt BETWEEN <cursor> AND <now - delay>},
 *       resuming after the cursor's key ({@code ExclusiveStartKey}); reads only conversations that became due
 *       since the job's last run, never the table</li>
 *   <li>summary marks: {@code Query due-index: dueBucket = T#<tenant>#SUM AND dueAt <= <now>} (only conversations
 *       whose turns no longer fit the prompt, each mark deleted once handled), then {@code GetItem} of each one's
 *       {@code CONV} item; clearing: {@code DeleteItem sk = SUMMARY_DUE ... dueAt = <the mark read>}</li>
 *   <li>checkpoint: {@code GetItem / conditional PutItem pk = T#<tenant>#JOBS, sk = JOB#<job>}</li>
 *   <li>once-only work: {@code PutItem pk = T#<tenant>#JOBS, sk = ONCE#<key> ... attribute_not_exists(pk)}</li>
 * </ul>
 */
@Singleton
public class DynamoDbActivityTimeline implements ActivityTimeline, JobCheckpoints, SummaryMarks {

    static final String CURSOR_AT = "cursorAt";
    static final String CURSOR_CUSTOMER = "cursorCustomer";

    private final DynamoDbClient client;
    private final String table;
    private final TimeSource time;
    private final TableSchema<ConversationTableItem> schema = ItemSchemas.CONVERSATION;

    public DynamoDbActivityTimeline(DynamoDbClient client, DynamoDbSettings settings, TimeSource time) {
        this.client = client;
        this.table = settings.getConversationsTable();
        this.time = time;
    }

    @Override
    public TimelinePage read(String tenantId, TimelineCursor after, Instant notBefore, Instant upTo, int limit) {
        long from = after != null ? after.activityAt().toEpochMilli() : notBefore.toEpochMilli();
        long to = upTo.toEpochMilli();
        if (from > to) {
            return new TimelinePage(List.of(), false, 0);
        }
        String bucket = Keys.activityTimeline(tenantId);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.DUE_INDEX)
                .keyConditionExpression("#bucket = :bucket AND #at BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                .expressionAttributeValues(Map.of(
                        ":bucket", AttributeValue.fromS(bucket),
                        ":from", AttributeValue.fromN(Long.toString(from)),
                        ":to", AttributeValue.fromN(Long.toString(to))))
                .limit(limit)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (after != null) {
            Map<String, AttributeValue> start = new HashMap<>();
            start.put(Keys.DUE_BUCKET, AttributeValue.fromS(bucket));
            start.put(Keys.DUE_AT, AttributeValue.fromN(Long.toString(from)));
            start.put("pk", AttributeValue.fromS(Keys.partition(new ConversationKey(tenantId, after.customerId()))));
            start.put("sk", AttributeValue.fromS(Keys.CONVERSATION_SK));
            query.exclusiveStartKey(start);
        }
        QueryResponse response = client.query(query.build());
        List<ActiveConversation> items = response.items().stream()
                .map(schema::mapToItem)
                .map(item -> {
                    ConversationKey key = new ConversationKey(item.getTenantId(), item.getCustomerId());
                    return new ActiveConversation(DynamoDbConversationStore.toConversation(key, item),
                            Instant.ofEpochMilli(item.getDueAt()));
                })
                .toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        double units = Capacity.units(response.consumedCapacity());
        return new TimelinePage(items, more, units);
    }

    @Override
    public TimelinePage marked(String tenantId, Instant upTo, int limit) {
        QueryResponse response = client.query(QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.DUE_INDEX)
                .keyConditionExpression("#bucket = :bucket AND #at <= :to")
                .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                .expressionAttributeValues(Map.of(
                        ":bucket", AttributeValue.fromS(Keys.summaryDue(tenantId)),
                        ":to", AttributeValue.fromN(Long.toString(upTo.toEpochMilli()))))
                .limit(limit)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build());
        double units = Capacity.units(response.consumedCapacity());
        List<ActiveConversation> items = new ArrayList<>();
        for (Map<String, AttributeValue> mark : response.items()) {
            ConversationKey key = new ConversationKey(tenantId, mark.get("customerId").s());
            GetItemResponse state = client.getItem(GetItemRequest.builder()
                    .tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(Keys.partition(key)),
                            "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)))
                    .consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build());
            units += Capacity.units(state.consumedCapacity());
            ConversationTableItem item = state.hasItem() && !state.item().isEmpty() ? schema.mapToItem(state.item()) : null;
            items.add(new ActiveConversation(DynamoDbConversationStore.toConversation(key, item),
                    Instant.ofEpochMilli(Long.parseLong(mark.get(Keys.DUE_AT).n()))));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new TimelinePage(items, more, units);
    }

    @Override
    public boolean clearMark(ConversationKey key, Instant markedAt) {
        try {
            client.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(Keys.partition(key)),
                            "sk", AttributeValue.fromS(Keys.SUMMARY_DUE_SK)))
                    .conditionExpression("#at = :at")
                    .expressionAttributeNames(Map.of("#at", Keys.DUE_AT))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(markedAt.toEpochMilli()))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException markedAgainOrGone) {
            return false;
        }
    }


    @Override
    public Optional<TimelineCursor> load(String tenantId, String job) {
        Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(checkpointKey(tenantId, job))
                .consistentRead(true)
                .build()).item();
        if (item == null || !item.containsKey(CURSOR_AT)) {
            return Optional.empty();
        }
        return Optional.of(new TimelineCursor(Instant.ofEpochMilli(Long.parseLong(item.get(CURSOR_AT).n())),
                item.get(CURSOR_CUSTOMER).s()));
    }

    @Override
    public void advance(String tenantId, String job, TimelineCursor cursor) {
        Map<String, AttributeValue> item = new HashMap<>(checkpointKey(tenantId, job));
        item.put("kind", AttributeValue.fromS("JOB"));
        item.put("tenantId", AttributeValue.fromS(tenantId));
        item.put(CURSOR_AT, AttributeValue.fromN(Long.toString(cursor.activityAt().toEpochMilli())));
        item.put(CURSOR_CUSTOMER, AttributeValue.fromS(cursor.customerId()));
        item.put("updatedAt", AttributeValue.fromN(Long.toString(time.now().toEpochMilli())));
        try {
            client.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #at <= :at")
                    .expressionAttributeNames(Map.of("#at", CURSOR_AT))
                    .expressionAttributeValues(Map.of(":at", item.get(CURSOR_AT)))
                    .build());
        } catch (ConditionalCheckFailedException aheadAlready) {
            // An overlapping run got further: its checkpoint stands.
        }
    }

    @Override
    public boolean claimOnce(String tenantId, String key, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(Keys.schedulerState(tenantId)));
        item.put("sk", AttributeValue.fromS("ONCE#" + key));
        item.put("kind", AttributeValue.fromS("ONCE"));
        item.put("claimedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        // Claims are kept 30 days, then TTL removes them.
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plusSeconds(30L * 24 * 3600).getEpochSecond())));
        try {
            client.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> checkpointKey(String tenantId, String job) {
        return Map.of("pk", AttributeValue.fromS(Keys.schedulerState(tenantId)),
                "sk", AttributeValue.fromS(Keys.jobCheckpoint(job)));
    }
}
