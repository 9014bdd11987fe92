package dev.waagent.dynamodb;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.analytics.MessageLog;
import dev.waagent.domain.analytics.MessagePage;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.StoredMessage;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's messages by time, on the sparse GSI {@code due-index}: message items carry
 * {@code dueBucket = T#<tenant>#DAY#<UTC day>} and {@code dueAt} = receive time.
 * <p>
 * Access pattern: {@code Query due-index: dueBucket = T#<tenant>#DAY#<d> AND dueAt BETWEEN from AND to - 1} for
 * each UTC day the range touches (a tenant-local day touches one or two). The cursor is
 * {@code <UTC day>\t<dueAt>\t<pk>\t<sk>} (the last key read) or {@code <UTC day>} (start of that day).
 */
@Singleton
public class DynamoDbMessageLog implements MessageLog {

    private static final String SEPARATOR = "\t";

    private final DynamoDbClient client;
    private final String table;
    private final TimeSource time;
    private final TableSchema<ConversationTableItem> schema = ItemSchemas.CONVERSATION;

    public DynamoDbMessageLog(DynamoDbClient client, DynamoDbSettings settings, TimeSource time) {
        this.client = client;
        this.table = settings.getConversationsTable();
        this.time = time;
    }

    @Override
    public MessagePage read(String tenantId, Instant from, Instant to, String cursor, int limit) {
        if (!from.isBefore(to)) {
            return new MessagePage(List.of(), null, 0);
        }
        LocalDate lastDay = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        LocalDate day;
        Map<String, AttributeValue> startKey = null;
        if (cursor == null) {
            day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        } else {
            String[] parts = cursor.split(SEPARATOR, -1);
            day = LocalDate.parse(parts[0]);
            if (parts.length == 4) {
                startKey = new HashMap<>();
                startKey.put(Keys.DUE_BUCKET, AttributeValue.fromS(Keys.messageDay(tenantId, day)));
                startKey.put(Keys.DUE_AT, AttributeValue.fromN(parts[1]));
                startKey.put("pk", AttributeValue.fromS(parts[2]));
                startKey.put("sk", AttributeValue.fromS(parts[3]));
            }
        }
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        long low = Math.max(from.toEpochMilli(), dayStart);
        long high = Math.min(to.toEpochMilli() - 1, dayEnd);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.DUE_INDEX)
                .keyConditionExpression("#bucket = :bucket AND #at BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                .expressionAttributeValues(Map.of(
                        ":bucket", AttributeValue.fromS(Keys.messageDay(tenantId, day)),
                        ":from", AttributeValue.fromN(Long.toString(low)),
                        ":to", AttributeValue.fromN(Long.toString(high))))
                .limit(limit)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (startKey != null) {
            query.exclusiveStartKey(startKey);
        }
        QueryResponse response = client.query(query.build());
        long nowSeconds = time.now().getEpochSecond();
        List<StoredMessage> messages = new ArrayList<>();
        for (Map<String, AttributeValue> raw : response.items()) {
            ConversationTableItem item = schema.mapToItem(raw);
            // TTL deletes lazily: an expired message may still be returned.
            if (item.getExpiresAt() != null && item.getExpiresAt() <= nowSeconds) {
                continue;
            }
            messages.add(DynamoDbConversationStore.toMessage(new ConversationKey(item.getTenantId(), item.getCustomerId()), item));
        }
        String next;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            Map<String, AttributeValue> last = response.lastEvaluatedKey();
            next = String.join(SEPARATOR, day.toString(), last.get(Keys.DUE_AT).n(), last.get("pk").s(), last.get("sk").s());
        } else {
            next = day.isBefore(lastDay) ? day.plusDays(1).toString() : null;
        }
        double units = Capacity.units(response.consumedCapacity());
        return new MessagePage(messages, next, units);
    }
}
