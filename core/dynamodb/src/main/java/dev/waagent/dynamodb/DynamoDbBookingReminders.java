package dev.waagent.dynamodb;

import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
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
 * Booking reminders as items in the conversation's own collection: {@code sk = R#<booking day>#<item key>}
 * ({@link BookingReminder#reminderKey()}), written when a booking request names a concrete day: asking again for the
 * same booking writes nothing; a new day for the same item supersedes the old day's unclaimed reminder
 * ({@code reminder = SUPERSEDED}, off the due-index). While unclaimed it carries
 * {@code dueBucket = T#<tenant>#REMIND} and {@code dueAt} = the booking day as epoch millis of its midnight UTC (a
 * date key: the tenant's "tomorrow" is computed by the job in the tenant's zone, so the item needs no zone). Access patterns:
 * <ul>
 *   <li>due: {@code Query due-index: dueBucket = T#<tenant>#REMIND AND dueAt <= <tomorrow>} from where the previous
 *       page ended, then one consistent {@code BatchGetItem} of the page's {@code CONV} items (window, consent, name)</li>
 *   <li>schedule: conditional {@code PutItem}, then {@code Query pk = <conversation> AND begins_with(sk, R#)} for the
 *       same item's other days</li>
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
    /** The customer moved the booking to another day before this reminder was claimed: never sent. */
    private static final String SUPERSEDED = "SUPERSEDED";
    private static final int BATCH_GET_LIMIT = 100;
    private static final int UNPROCESSED_RETRIES = 8;
    private static final String CURSOR_SEPARATOR = "\n";

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
        item.put("sk", AttributeValue.fromS(PREFIX + reminder.reminderKey()));
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
            // New, or back to a day the customer had moved away from (its reminder was superseded, never sent).
            client.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR reminder = :superseded")
                    .expressionAttributeValues(Map.of(":superseded", AttributeValue.fromS(SUPERSEDED)))
                    .build());
        } catch (ConditionalCheckFailedException scheduledBefore) {
            // The same booking again (a retried turn, a second request, a confirmation): its reminder stands.
            return;
        }
        supersedeOtherDays(reminder);
    }

    /** The conversation's unclaimed reminders of the same item on another day leave the due list. */
    private void supersedeOtherDays(BookingReminder reminder) {
        String own = PREFIX + reminder.reminderKey();
        String sameItem = "#" + reminder.itemKey();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = client.query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .filterExpression("reminder = :due")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(Keys.partition(reminder.key())),
                            ":prefix", AttributeValue.fromS(PREFIX),
                            ":due", AttributeValue.fromS(DUE)))
                    .projectionExpression("pk, sk")
                    .exclusiveStartKey(start)
                    .build());
            for (Map<String, AttributeValue> other : response.items()) {
                String sk = other.get("sk").s();
                if (sk.equals(own) || !sk.endsWith(sameItem)) {
                    continue;
                }
                try {
                    client.updateItem(UpdateItemRequest.builder()
                            .tableName(table)
                            .key(Map.of("pk", other.get("pk"), "sk", other.get("sk")))
                            .updateExpression("SET reminder = :superseded REMOVE #bucket, #at")
                            .conditionExpression("reminder = :due")
                            .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                            .expressionAttributeValues(Map.of(
                                    ":superseded", AttributeValue.fromS(SUPERSEDED),
                                    ":due", AttributeValue.fromS(DUE)))
                            .build());
                } catch (ConditionalCheckFailedException claimedMeanwhile) {
                    // Already claimed by a run (sent or on its way): nothing to take back.
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public DuePage due(String tenantId, LocalDate through, int limit, String after) {
        String bucket = Keys.bookingReminders(tenantId);
        QueryResponse response = client.query(QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.DUE_INDEX)
                .keyConditionExpression("#bucket = :bucket AND #at <= :to")
                .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT))
                .expressionAttributeValues(Map.of(
                        ":bucket", AttributeValue.fromS(bucket),
                        ":to", AttributeValue.fromN(Long.toString(dayKey(through)))))
                .exclusiveStartKey(after == null ? null : startKey(bucket, after))
                .limit(Math.max(1, limit))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build());
        double units = Capacity.units(response.consumedCapacity());
        List<BookingReminder> read = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            ConversationKey key = new ConversationKey(tenantId, item.get("customerId").s());
            read.add(new BookingReminder(key, item.get("requestId").s(), text(item, "item"),
                    LocalDate.parse(item.get("bookingDate").s()), text(item, "dates"),
                    Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n()))));
        }
        Map<ConversationKey, Conversation> conversations = new HashMap<>();
        units += readConversations(read.stream().map(BookingReminder::key).distinct().toList(), conversations);
        List<Due> items = new ArrayList<>();
        for (BookingReminder reminder : read) {
            items.add(new Due(reminder, conversations.get(reminder.key())));
        }
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursor(response.lastEvaluatedKey()) : null;
        return new DuePage(items, next, units);
    }

    /**
     * The page's conversations (window, consent, name) in one consistent BatchGetItem per 100, retrying what DynamoDB
     * left unprocessed; a conversation that does not exist is simply absent.
     *
     * @return the read units consumed
     */
    private double readConversations(List<ConversationKey> keys, Map<ConversationKey, Conversation> into) {
        double units = 0;
        Map<String, ConversationKey> byPartition = new HashMap<>();
        for (ConversationKey key : keys) {
            byPartition.put(Keys.partition(key), key);
        }
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> batch = new ArrayList<>();
            for (ConversationKey key : keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT))) {
                batch.add(Map.of("pk", AttributeValue.fromS(Keys.partition(key)),
                        "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)));
            }
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                if (attempt > UNPROCESSED_RETRIES) {
                    throw new IllegalStateException("conversations still unprocessed after " + UNPROCESSED_RETRIES
                            + " retries of BatchGetItem");
                }
                BatchGetItemResponse response = client.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                        .build());
                if (response.consumedCapacity() != null) {
                    for (ConsumedCapacity consumed : response.consumedCapacity()) {
                        units += Capacity.units(consumed);
                    }
                }
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    ConversationKey key = byPartition.get(item.get("pk").s());
                    if (key != null) {
                        into.put(key, DynamoDbConversationStore.toConversation(key, schema.mapToItem(item)));
                    }
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return units;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 50L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
        }
    }

    /** The due-index position a page ended at, as text: its due day, then the item's table key. */
    private static String cursor(Map<String, AttributeValue> lastEvaluated) {
        return lastEvaluated.get(Keys.DUE_AT).n() + CURSOR_SEPARATOR + lastEvaluated.get("pk").s()
                + CURSOR_SEPARATOR + lastEvaluated.get("sk").s();
    }

    private static Map<String, AttributeValue> startKey(String bucket, String cursor) {
        String[] parts = cursor.split(CURSOR_SEPARATOR, 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a due-page cursor");
        }
        return Map.of(Keys.DUE_BUCKET, AttributeValue.fromS(bucket),
                Keys.DUE_AT, AttributeValue.fromN(parts[0]),
                "pk", AttributeValue.fromS(parts[1]),
                "sk", AttributeValue.fromS(parts[2]));
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
                "sk", AttributeValue.fromS(PREFIX + reminder.reminderKey()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

}
