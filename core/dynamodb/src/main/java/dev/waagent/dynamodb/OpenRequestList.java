package dev.waagent.dynamodb;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.tools.FollowUpRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's open leads and bookings as the conversation item keeps them ({@code openRequests} on {@code CONV}),
 * so a turn's first read brings them instead of a query of the {@code L#} items:
 * <ul>
 *   <li>present (an empty list too): the conversation's open requests, newest first, at most {@value #MAX}</li>
 *   <li>absent: not listed yet (a conversation whose requests were never read since the list exists): query them</li>
 * </ul>
 * {@link DynamoDbTurnMemory#record} writes the list in the transaction that stores a request (rebuilt from the stored
 * requests, so it is complete whatever was listed before); {@link DynamoDbTurnMemory#open} lists what it queried on a
 * conversation that was not listed yet (conditionally, so it never overwrites a list a request wrote). An entry ends
 * with its request item's retention, and a request closed in place would have to update the list too.
 */
final class OpenRequestList {

    static final int MAX = 5;
    static final String ATTRIBUTE = "openRequests";

    private OpenRequestList() {
    }

    /** The listed requests still open and not expired at {@code now}. */
    static List<FollowUpRequest> read(ConversationKey key, List<Map<String, String>> entries, Instant now,
                                      Duration retention) {
        long nowSeconds = now.getEpochSecond();
        return entries.stream()
                .map(entry -> request(key, entry))
                .filter(request -> request.open() && request.createdAt().plus(retention).getEpochSecond() > nowSeconds)
                .toList();
    }

    /**
     * The write that lists {@code requests} on the conversation item (creating the item if need be).
     *
     * @param onlyIfUnlisted true: only where nothing is listed yet (the write then fails its condition otherwise)
     */
    static Update listOn(String table, ConversationKey key, List<FollowUpRequest> requests, boolean onlyIfUnlisted) {
        Update.Builder update = Update.builder().tableName(table)
                .key(conversationKey(key))
                .updateExpression(SET_LIST)
                .expressionAttributeValues(listValues(key, requests));
        if (onlyIfUnlisted) {
            update.conditionExpression(UNLISTED);
        }
        return update.build();
    }

    /** {@link #listOn} as a single write, only where nothing is listed yet. */
    static UpdateItemRequest listIfUnlisted(String table, ConversationKey key, List<FollowUpRequest> requests) {
        return UpdateItemRequest.builder().tableName(table)
                .key(conversationKey(key))
                .updateExpression(SET_LIST)
                .expressionAttributeValues(listValues(key, requests))
                .conditionExpression(UNLISTED)
                .build();
    }

    private static final String SET_LIST = "SET " + ATTRIBUTE + " = :list, kind = if_not_exists(kind, :kind),"
            + " tenantId = if_not_exists(tenantId, :tenant), customerId = if_not_exists(customerId, :customer)";
    private static final String UNLISTED = "attribute_not_exists(" + ATTRIBUTE + ")";

    private static Map<String, AttributeValue> conversationKey(ConversationKey key) {
        return Map.of("pk", AttributeValue.fromS(Keys.partition(key)), "sk", AttributeValue.fromS(Keys.CONVERSATION_SK));
    }

    private static Map<String, AttributeValue> listValues(ConversationKey key, List<FollowUpRequest> requests) {
        return Map.of(
                ":list", AttributeValue.fromL(requests.stream().limit(MAX)
                        .map(request -> AttributeValue.fromM(attributes(entry(request)))).toList()),
                ":kind", AttributeValue.fromS("CONV"),
                ":tenant", AttributeValue.fromS(key.tenantId()),
                ":customer", AttributeValue.fromS(key.customerId()));
    }

    static Map<String, String> entry(FollowUpRequest request) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("id", request.id());
        entry.put("kind", request.kind().name());
        entry.put("item", request.item());
        entry.put("dates", request.dates());
        entry.put("note", request.note());
        entry.put("createdAt", Long.toString(request.createdAt().toEpochMilli()));
        entry.put("status", request.status());
        if (request.bookingDate() != null) {
            entry.put("bookingDate", request.bookingDate().toString());
        }
        return entry;
    }

    static FollowUpRequest request(ConversationKey key, Map<String, String> entry) {
        String bookingDate = entry.get("bookingDate");
        return new FollowUpRequest(entry.get("id"), key, FollowUpRequest.Kind.valueOf(entry.get("kind")),
                entry.get("item"), entry.get("dates"), entry.get("note"),
                Instant.ofEpochMilli(Long.parseLong(entry.get("createdAt"))), entry.get("status"),
                bookingDate == null ? null : LocalDate.parse(bookingDate));
    }

    private static Map<String, AttributeValue> attributes(Map<String, String> entry) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        entry.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        return attributes;
    }
}
