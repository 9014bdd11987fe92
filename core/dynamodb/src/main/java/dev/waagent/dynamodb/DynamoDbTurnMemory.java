package dev.waagent.dynamodb;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.memory.TurnMemory;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.FollowUpRequests;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What turns leave behind, in the conversation's own item collection (tenant-first keys, see {@link Keys}):
 * <ul>
 *   <li>key facts: {@code keyFacts} on the {@code CONV} item (an upsert of the merged list); a turn that replies saves
 *   them in its reply's transaction instead ({@link DynamoDbConversationStore#recordReply}), one write fewer</li>
 *   <li>{@code sk = L#<epoch millis, 13 digits>#<id>}: a lead or booking request waiting for staff; it carries
 *   {@code dueBucket = T#<tenant>#LEADS#<UTC day>} and {@code dueAt} = creation time, so the daily rollup counts a
 *   tenant's day of them on the due-index without a scan ({@link DynamoDbFollowUpLog}); the open ones are also listed
 *   on the {@code CONV} item ({@link OpenRequestList}), so a turn reads them with the conversation</li>
 *   <li>a booking request whose dates name a concrete day also carries {@code bookingDate} (yyyy-MM-dd, tenant-local);
 *   its reminder is a separate item ({@link DynamoDbBookingReminders})</li>
 *   <li>{@code sk = X#<epoch millis, 13 digits>#<turn ref>}: one turn's intents and the routing stage that decided
 *   them, its tool calls, context truncation and price repairs (recorded when
 *   a stage other than the rules decided, or there is something else to say)</li>
 *   <li>{@code sk = SUMMARY_DUE}: the conversation's turns no longer fit the prompt; {@code dueBucket = T#<tenant>#SUM},
 *   {@code dueAt} = when marked, for the summaries job ({@link DynamoDbActivityTimeline#marked})</li>
 * </ul>
 */
@Singleton
public class DynamoDbTurnMemory implements TurnMemory, FollowUpRequests {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbTurnMemory.class);
    static final String FOLLOW_UP_PREFIX = "L#";
    static final String TURN_RECORD_PREFIX = "X#";

    private final DynamoDbClient client;
    private final String table;
    private final java.time.Duration retention;

    public DynamoDbTurnMemory(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.getConversationsTable();
        this.retention = settings.getMessageRetention();
    }

    @Override
    public void saveKeyFacts(ConversationKey key, List<String> facts, Instant at) {
        client.updateItem(builder -> builder.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(Keys.partition(key)), "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)))
                .updateExpression("SET keyFacts = :facts, keyFactsAt = :at")
                .expressionAttributeValues(Map.of(
                        ":facts", AttributeValue.fromL(facts.stream().map(AttributeValue::fromS).toList()),
                        ":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())))));
    }

    @Override
    public void recordTurn(ConversationKey key, String turnRef, IntentResolution intents, List<String> toolCalls,
                           List<String> contextDropped, List<String> priceRepairs, Instant at) {
        Map<String, AttributeValue> item = base(key, TURN_RECORD_PREFIX + millis(at) + "#" + turnRef, "TURN", at);
        item.put("intents", list(intents.names()));
        item.put("intentStage", AttributeValue.fromS(intents.stage().wireName()));
        item.put("toolCalls", list(toolCalls));
        item.put("contextDropped", list(contextDropped));
        item.put("priceRepairs", list(priceRepairs));
        client.putItem(builder -> builder.tableName(table).item(item));
    }

    @Override
    public void markSummaryDue(ConversationKey key, Instant at) {
        // One mark per conversation: a later mark replaces the earlier one (and its dueAt), so the summaries job's
        // conditional clear keeps a mark made while it was summarising.
        // Only attributes the conversation schema declares (ItemSchemas): the mark is on the due-index.
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(Keys.partition(key)));
        item.put("sk", AttributeValue.fromS(Keys.SUMMARY_DUE_SK));
        item.put("kind", AttributeValue.fromS("SUMMARY_DUE"));
        item.put("tenantId", AttributeValue.fromS(key.tenantId()));
        item.put("customerId", AttributeValue.fromS(key.customerId()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(at.plus(retention).getEpochSecond())));
        item.put(Keys.DUE_BUCKET, AttributeValue.fromS(Keys.summaryDue(key.tenantId())));
        item.put(Keys.DUE_AT, AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        client.putItem(builder -> builder.tableName(table).item(item));
    }

    @Override
    public void record(FollowUpRequest request) {
        Map<String, AttributeValue> item = base(request.key(),
                FOLLOW_UP_PREFIX + millis(request.createdAt()) + "#" + request.id(), "FOLLOWUP", request.createdAt());
        item.put("requestId", AttributeValue.fromS(request.id()));
        item.put("requestKind", AttributeValue.fromS(request.kind().name()));
        item.put("item", AttributeValue.fromS(request.item()));
        item.put("dates", AttributeValue.fromS(request.dates()));
        item.put("note", AttributeValue.fromS(request.note()));
        item.put("status", AttributeValue.fromS(request.status()));
        if (request.bookingDate() != null) {
            item.put("bookingDate", AttributeValue.fromS(request.bookingDate().toString()));
        }
        item.put(Keys.DUE_BUCKET, AttributeValue.fromS(Keys.followUpDay(request.key().tenantId(), request.createdAt())));
        item.put(Keys.DUE_AT, AttributeValue.fromN(Long.toString(request.createdAt().toEpochMilli())));
        // The conversation item's list is rebuilt from the stored requests with this one first, and written with it:
        // complete however it was listed before (see OpenRequestList). Requests are rare; turns read the list.
        try {
            List<FollowUpRequest> listed = new ArrayList<>();
            listed.add(request);
            stored(request.key(), request.createdAt(), OpenRequestList.MAX).stream()
                    .filter(other -> !other.id().equals(request.id()))
                    .forEach(listed::add);
            client.transactWriteItems(tx -> tx.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(sk)").build()).build(),
                    TransactWriteItem.builder().update(OpenRequestList.listOn(table, request.key(), listed, false)).build()));
        } catch (RuntimeException listNotWritten) {
            // The list could not be written with the request (a staff /pause, a status or a scheduler job writing the
            // conversation item at that moment cancels the transaction): the request itself must not be lost — the
            // customer was told staff will confirm. Stored on its own, and the list dropped so the next turn queries
            // and lists again.
            LOG.warn("follow-up request of tenant {} stored without the conversation's list: {}", request.key().tenantId(),
                    listNotWritten.toString());
            try {
                client.putItem(builder -> builder.tableName(table).item(item).conditionExpression("attribute_not_exists(sk)"));
            } catch (ConditionalCheckFailedException storedBefore) {
                // The transaction had stored it after all (its answer was lost): stored once.
            }
            try {
                client.updateItem(builder -> builder.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(Keys.partition(request.key())),
                                "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)))
                        .updateExpression("REMOVE " + OpenRequestList.ATTRIBUTE)
                        .conditionExpression("attribute_exists(pk)"));
            } catch (ConditionalCheckFailedException noConversationItem) {
                // Nothing listed to drop: the first turn lists what it finds.
            } catch (RuntimeException e) {
                LOG.warn("stale open-request list of tenant {} not dropped: {}", request.key().tenantId(), e.toString());
            }
        }
    }

    /**
     * Queries the requests; on a conversation whose item does not list them yet, lists what it found there too, so
     * the conversation's next turns read them with the conversation ({@link OpenRequestList}).
     */
    @Override
    public List<FollowUpRequest> open(ConversationKey key, Instant now, int limit) {
        List<FollowUpRequest> open = stored(key, now, Math.max(limit, OpenRequestList.MAX));
        try {
            client.updateItem(OpenRequestList.listIfUnlisted(table, key, open));
        } catch (ConditionalCheckFailedException listed) {
            // Listed already (a request recorded since wrote the whole list): nothing to add.
        } catch (RuntimeException e) {
            // The query's answer stands; the next turn queries again.
            LOG.warn("open requests of tenant {} not listed on the conversation: {}", key.tenantId(), e.toString());
        }
        return open.size() > limit ? open.subList(0, limit) : open;
    }

    /** The stored open requests, newest first, read consistently (so a request just recorded is among them). */
    private List<FollowUpRequest> stored(ConversationKey key, Instant now, int limit) {
        long nowSeconds = now.getEpochSecond();
        var response = client.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partition(key)),
                        ":prefix", AttributeValue.fromS(FOLLOW_UP_PREFIX)))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(Math.max(limit * 2, 10))
                .build());
        List<FollowUpRequest> open = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            if (item.containsKey("expiresAt") && Long.parseLong(item.get("expiresAt").n()) <= nowSeconds) {
                continue;
            }
            FollowUpRequest request = new FollowUpRequest(text(item, "requestId"), key,
                    FollowUpRequest.Kind.valueOf(text(item, "requestKind")), text(item, "item"), text(item, "dates"),
                    text(item, "note"), Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())), text(item, "status"),
                    item.containsKey("bookingDate") ? java.time.LocalDate.parse(item.get("bookingDate").s()) : null);
            if (request.open()) {
                open.add(request);
            }
            if (open.size() >= limit) {
                break;
            }
        }
        return open;
    }

    private Map<String, AttributeValue> base(ConversationKey key, String sk, String kind, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(Keys.partition(key)));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("kind", AttributeValue.fromS(kind));
        item.put("tenantId", AttributeValue.fromS(key.tenantId()));
        item.put("customerId", AttributeValue.fromS(key.customerId()));
        item.put("createdAt", AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(at.plus(retention).getEpochSecond())));
        return item;
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static String millis(Instant at) {
        return Keys.zeroPadded(at.toEpochMilli(), 13);
    }
}
