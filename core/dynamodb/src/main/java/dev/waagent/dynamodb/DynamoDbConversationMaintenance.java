package dev.waagent.dynamodb;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.schedule.ConversationMaintenance;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's conditional changes to conversation items. None touches {@code dueBucket}/{@code dueAt}: a
 * job's write is not activity, so the conversation keeps its place on the timeline.
 * <p>
 * Idempotency: expiry is keyed by the activity it expires ({@code expiredFor = dueAt}), a handoff return by the
 * status it changes, a summary by the coverage it replaces ({@code summarizedThrough}).
 */
@Singleton
public class DynamoDbConversationMaintenance implements ConversationMaintenance {

    /** Messages whose platform timestamp runs this far behind their receive time are still found. */
    private static final long CLOCK_SLACK_SECONDS = 300;
    private static final int MAX_PAGES = 20;

    private final DynamoDbClient client;
    private final String table;
    private final java.time.Duration retention;
    private final TableSchema<ConversationTableItem> schema = ItemSchemas.CONVERSATION;

    public DynamoDbConversationMaintenance(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.getConversationsTable();
        this.retention = settings.getMessageRetention();
    }

    @Override
    public boolean expireContext(ConversationKey key, Instant activityAt, Instant now) {
        return update(key, "SET contextFrom = :now, expiredFor = :activity",
                "dueAt = :activity AND (attribute_not_exists(expiredFor) OR expiredFor <> :activity)",
                Map.of(), Map.of(":now", number(now.toEpochMilli()), ":activity", number(activityAt.toEpochMilli())));
    }

    @Override
    public boolean returnToBot(ConversationKey key, Instant activityAt, Instant now) {
        return update(key, "SET #status = :active, handoffReason = :none, returnedToBotAt = :now",
                "#status = :handedOff AND dueAt = :activity",
                Map.of("#status", "status"),
                Map.of(":active", AttributeValue.fromS(ConversationStatus.ACTIVE.name()),
                        ":handedOff", AttributeValue.fromS(ConversationStatus.HANDED_OFF.name()),
                        ":none", AttributeValue.fromS(""),
                        ":now", number(now.toEpochMilli()),
                        ":activity", number(activityAt.toEpochMilli())));
    }

    @Override
    public List<StoredMessage> messagesAfter(ConversationKey key, Instant after, Instant now, int limit) {
        String start = after == null ? Keys.MESSAGE_PREFIX
                : Keys.message(after.minusSeconds(CLOCK_SLACK_SECONDS), "");
        long nowSeconds = now.getEpochSecond();
        List<StoredMessage> messages = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        for (int page = 0; page < MAX_PAGES && messages.size() < limit; page++) {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(Keys.partition(key)),
                            ":from", AttributeValue.fromS(start),
                            ":to", AttributeValue.fromS(Keys.MESSAGE_PREFIX + "~")))
                    .consistentRead(true)
                    .limit(Math.max(limit, 25));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(query.build());
            for (Map<String, AttributeValue> raw : response.items()) {
                ConversationTableItem item = schema.mapToItem(raw);
                // TTL deletes lazily: an expired message may still be returned.
                if (item.getExpiresAt() != null && item.getExpiresAt() <= nowSeconds) {
                    continue;
                }
                StoredMessage message = DynamoDbConversationStore.toMessage(key, item);
                if (after == null || message.receivedAt().isAfter(after)) {
                    messages.add(message);
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            startKey = response.lastEvaluatedKey();
        }
        messages.sort(java.util.Comparator.comparing(StoredMessage::receivedAt).thenComparing(StoredMessage::messageId));
        return messages.size() <= limit ? messages : messages.subList(0, limit);
    }

    @Override
    public boolean saveSummary(ConversationKey key, ConversationMemory read, ConversationMemory updated, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":summary", AttributeValue.fromS(updated.summary() == null ? "" : updated.summary()));
        values.put(":facts", AttributeValue.fromL(updated.keyFacts().stream().map(AttributeValue::fromS).toList()));
        values.put(":through", number(updated.summarizedThrough().toEpochMilli()));
        values.put(":now", number(now.toEpochMilli()));
        String condition;
        if (read.summarizedThrough() == null) {
            condition = "attribute_exists(pk) AND attribute_not_exists(summarizedThrough)";
        } else {
            condition = "summarizedThrough = :previous";
            values.put(":previous", number(read.summarizedThrough().toEpochMilli()));
        }
        // A turn that saved key facts since the job read them wins; the mark or the next quiet spell retries.
        if (read.keyFacts().isEmpty()) {
            condition += " AND (attribute_not_exists(keyFacts) OR size(keyFacts) = :none)";
            values.put(":none", number(0));
        } else {
            condition += " AND keyFacts = :readFacts";
            values.put(":readFacts", AttributeValue.fromL(read.keyFacts().stream().map(AttributeValue::fromS).toList()));
        }
        return update(key, "SET summary = :summary, keyFacts = :facts, summarizedThrough = :through, summarizedAt = :now",
                condition, Map.of(), values);
    }

    @Override
    public boolean claimFollowUp(ConversationKey key, Instant activityAt, String questionId, Instant now) {
        return update(key, "SET followedUpFor = :question, followedUpAt = :now",
                "dueAt = :activity AND (attribute_not_exists(followedUpFor) OR followedUpFor <> :question)"
                        + " AND (attribute_not_exists(optedOut) OR optedOut = :no)"
                        + " AND (attribute_not_exists(#status) OR #status <> :handedOff)",
                Map.of("#status", "status"),
                Map.of(":question", AttributeValue.fromS(questionId),
                        ":now", number(now.toEpochMilli()),
                        ":activity", number(activityAt.toEpochMilli()),
                        ":no", AttributeValue.fromBool(false),
                        ":handedOff", AttributeValue.fromS(ConversationStatus.HANDED_OFF.name())));
    }

    @Override
    public void recordFollowUp(ConversationKey key, String outboundId, String text, String platformMessageId, Instant at) {
        String pk = Keys.partition(key);
        ConversationTableItem message = new ConversationTableItem();
        message.setPk(pk);
        message.setSk(Keys.message(at, outboundId));
        message.setKind("MSG");
        message.setTenantId(key.tenantId());
        message.setCustomerId(key.customerId());
        message.setMessageId(outboundId);
        message.setPlatformId(platformMessageId);
        message.setDirection(dev.waagent.domain.conversation.Direction.OUTBOUND.name());
        message.setType(dev.waagent.domain.channel.MessageType.TEXT.name());
        message.setText(text);
        message.setSentAt(at.toEpochMilli());
        message.setReceivedAt(at.toEpochMilli());
        message.setTurnId(FOLLOW_UP_TURN);
        message.setDelivery(dev.waagent.domain.channel.DeliveryState.SENT.name());
        message.setDeliveryRank(dev.waagent.domain.channel.DeliveryState.SENT.rank());
        message.setDeliveryAt(at.toEpochMilli());
        message.setProvider("policy");
        message.setRoute("FOLLOW_UP");
        message.setExpiresAt(at.plus(retention).getEpochSecond());
        message.setDueBucket(Keys.messageDay(key.tenantId(), at));
        message.setDueAt(at.toEpochMilli());
        ConversationTableItem delivery = new ConversationTableItem();
        delivery.setPk(pk);
        delivery.setSk(Keys.delivery(platformMessageId));
        delivery.setKind("DLV");
        delivery.setTenantId(key.tenantId());
        delivery.setCustomerId(key.customerId());
        delivery.setPlatformId(platformMessageId);
        delivery.setMessageSk(message.getSk());
        delivery.setExpiresAt(message.getExpiresAt());
        client.putItem(b -> b.tableName(table).item(schema.itemToMap(message, true)));
        client.putItem(b -> b.tableName(table).item(schema.itemToMap(delivery, true)));
        update(key, "SET lastOutboundAt = :at", "attribute_exists(pk)", Map.of(),
                Map.of(":at", number(at.toEpochMilli())));
    }

    @Override
    public void recordFollowUpIntent(ConversationKey key, String questionId, String reason, Instant at) {
        update(key, "SET followUpIntent = :intent", "attribute_exists(pk)", Map.of(),
                Map.of(":intent", AttributeValue.fromM(Map.of(
                        "question", AttributeValue.fromS(questionId),
                        "reason", AttributeValue.fromS(reason),
                        "at", number(at.toEpochMilli())))));
    }

    private boolean update(ConversationKey key, String update, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(Keys.partition(key)), "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeValues(values);
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        try {
            client.updateItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException notNow) {
            return false;
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
