package dev.waagent.dynamodb;

import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Booking reminders as items in the conversation's own collection: {@code sk = R#<request id>}, written when a booking
 * request names a concrete day. While unclaimed it carries {@code dueBucket = T#<tenant>#REMIND} and {@code dueAt} =
 * the booking day as epoch millis of its midnight UTC (a date key: the tenant's "tomorrow" is computed by the job in
 * the tenant's zone, so the item needs no zone). Access patterns:
 * <ul>
 *   <li>due: {@code Query due-index: dueBucket = T#<tenant>#REMIND AND dueAt <= <tomorrow>}, then {@code GetItem} of
 *       each one's {@code CONV} item (window, consent, name)</li>
 *   <li>claim: {@code UpdateItem ... SET reminder = CLAIMED, outboundId REMOVE dueBucket, dueAt} if
 *       {@code reminder = DUE}: off the index in the same write, so it is read and claimed at most once</li>
 * </ul>
 * Items expire (TTL {@code expiresAt}) a week after the booking day.
 */
@Singleton
public class DynamoDbBookingReminders implements BookingReminders {

    static final String PREFIX = "R#";
    private static final String DUE = "DUE";
    private static final String CLAIMED = "CLAIMED";

    private final DynamoDbClient client;
    private final String table;
    private final TableSchema<ConversationTableItem> schema = ItemSchemas.CONVERSATION;

    public DynamoDbBookingReminders(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.getConversationsTable();
    }

    @Override
    public void schedule(BookingReminder reminder) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(Keys.partition(reminder.key())));
        item.put("sk", AttributeValue.fromS(PREFIX + reminder.requestId()));
        item.put("kind", AttributeValue.fromS("REMINDER"));
        item.put("tenantId", AttributeValue.fromS(reminder.key().tenantId()));
        item.put("customerId", AttributeValue.fromS(reminder.key().customerId()));
        item.put("requestId", AttributeValue.fromS(reminder.requestId()));
        item.put("item", AttributeValue.fromS(reminder.item()));
        item.put("dates", AttributeValue.fromS(reminder.dates()));
        item.put("bookingDate", AttributeValue.fromS(reminder.bookingDate().toString()));
        item.put("createdAt", AttributeValue.fromN(Long.toString(reminder.requestedAt().toEpochMilli())));
        item.put("reminder", AttributeValue.fromS(DUE));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                reminder.bookingDate().plusDays(7).atStartOfDay(ZoneOffset.UTC).toEpochSecond())));
        item.put(Keys.DUE_BUCKET, AttributeValue.fromS(Keys.bookingReminders(reminder.key().tenantId())));
        item.put(Keys.DUE_AT, AttributeValue.fromN(Long.toString(dayKey(reminder.bookingDate()))));
        try {
            client.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
        } catch (ConditionalCheckFailedException scheduledBefore) {
            // The same request again (a retried tool call): its reminder stands as it is, claimed or not.
        }
    }

    @Override
    public DuePage due(String tenantId, LocalDate through, int limit) {
        QueryResponse response = client.query(QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.DUE_INDEX)
                .keyConditionExpression("#bucket = :bucket AND #at <= :to")
                .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                .expressionAttributeValues(Map.of(
                        ":bucket", AttributeValue.fromS(Keys.bookingReminders(tenantId)),
                        ":to", AttributeValue.fromN(Long.toString(dayKey(through)))))
                .limit(Math.max(1, limit))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build());
        double units = units(response.consumedCapacity());
        List<Due> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            ConversationKey key = new ConversationKey(tenantId, item.get("customerId").s());
            BookingReminder reminder = new BookingReminder(key, item.get("requestId").s(), text(item, "item"),
                    LocalDate.parse(item.get("bookingDate").s()), text(item, "dates"),
                    Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())));
            GetItemResponse state = client.getItem(GetItemRequest.builder()
                    .tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(Keys.partition(key)),
                            "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)))
                    .consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build());
            units += units(state.consumedCapacity());
            Conversation conversation = state.hasItem() && !state.item().isEmpty()
                    ? DynamoDbConversationStore.toConversation(key, schema.mapToItem(state.item())) : null;
            items.add(new Due(reminder, conversation));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new DuePage(items, more, units);
    }

    @Override
    public boolean claim(BookingReminder reminder, Instant now) {
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(reminder))
                    .updateExpression("SET reminder = :claimed, outboundId = :outbound, claimedAt = :now REMOVE #bucket, #at")
                    .conditionExpression("reminder = :due")
                    .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                    .expressionAttributeValues(Map.of(
                            ":claimed", AttributeValue.fromS(CLAIMED),
                            ":due", AttributeValue.fromS(DUE),
                            ":outbound", AttributeValue.fromS(reminder.outboundId()),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    @Override
    public void finish(BookingReminder reminder, String outcome, String platformMessageId, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":outcome", AttributeValue.fromS(outcome));
        values.put(":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        values.put(":claimed", AttributeValue.fromS(CLAIMED));
        String update = "SET reminder = :outcome, finishedAt = :at";
        if (platformMessageId != null) {
            values.put(":platform", AttributeValue.fromS(platformMessageId));
            update += ", platformId = :platform";
        }
        try {
            client.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(reminder))
                    .updateExpression(update)
                    .conditionExpression("reminder = :claimed")
                    .expressionAttributeValues(values)
                    .build());
        } catch (ConditionalCheckFailedException notClaimed) {
            // Finished before (or expired): the first outcome stands.
        }
    }

    /** The booking day as a sortable number: epoch millis of its midnight UTC. */
    static long dayKey(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static Map<String, AttributeValue> key(BookingReminder reminder) {
        return Map.of("pk", AttributeValue.fromS(Keys.partition(reminder.key())),
                "sk", AttributeValue.fromS(PREFIX + reminder.requestId()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static double units(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }
}
