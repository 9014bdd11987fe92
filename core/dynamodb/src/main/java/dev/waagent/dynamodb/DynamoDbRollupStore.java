package dev.waagent.dynamodb;

import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily rollups in the conversations table: {@code pk = T#<tenant>#ROLLUP, sk = D#<yyyy-MM-dd>} (tenant-local day).
 * <p>
 * Access patterns: save once ({@code PutItem ... attribute_not_exists(pk)}: a re-run writes nothing); a day
 * ({@code GetItem}); a range for the analytics API ({@code Query pk = :pk AND sk BETWEEN D#from AND D#to}, one
 * small item per day); the newest day ({@code Query ... ScanIndexForward=false, Limit=1}).
 */
@Singleton
public class DynamoDbRollupStore implements RollupStore {

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbRollupStore(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = settings.getConversationsTable();
    }

    @Override
    public boolean saveIfAbsent(DailyRollup rollup) {
        try {
            client.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(toItem(rollup))
                    .conditionExpression("attribute_not_exists(pk)")
                    .build());
            return true;
        } catch (ConditionalCheckFailedException rolledUpAlready) {
            return false;
        }
    }

    @Override
    public Optional<DailyRollup> find(String tenantId, LocalDate day) {
        Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(Keys.rollups(tenantId)), "sk", AttributeValue.fromS(Keys.rollupDay(day))))
                .build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<DailyRollup> between(String tenantId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        List<DailyRollup> days = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(Keys.rollups(tenantId)),
                                ":from", AttributeValue.fromS(Keys.rollupDay(from)),
                                ":to", AttributeValue.fromS(Keys.rollupDay(to))))
                        .build())
                .items().forEach(item -> days.add(fromItem(item)));
        return days;
    }

    @Override
    public Optional<LocalDate> latestDay(String tenantId) {
        var items = client.query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.rollups(tenantId))))
                .scanIndexForward(false)
                .limit(1)
                .projectionExpression("sk")
                .build()).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(items.get(0).get("sk").s().substring(2)));
    }

    static Map<String, AttributeValue> toItem(DailyRollup r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.rollups(r.tenantId())));
        item.put("sk", s(Keys.rollupDay(r.day())));
        item.put("kind", s("ROLLUP"));
        item.put("tenantId", s(r.tenantId()));
        item.put("day", s(r.day().toString()));
        item.put("timezone", s(r.timezone() == null ? "UTC" : r.timezone()));
        item.put("messagesIn", n(r.messagesIn()));
        item.put("messagesOut", n(r.messagesOut()));
        item.put("conversations", n(r.conversations()));
        item.put("handoffs", n(r.handoffs()));
        Map<String, AttributeValue> reasons = new HashMap<>();
        r.handoffReasons().forEach((reason, count) -> reasons.put(reason, n(count)));
        item.put("handoffReasons", AttributeValue.fromM(reasons));
        item.put("leads", n(r.leads()));
        item.put("bookingRequests", n(r.bookingRequests()));
        item.put("topQuestions", AttributeValue.fromL(r.topQuestions().stream()
                .map(q -> AttributeValue.fromM(Map.of("q", s(q.question()), "n", n(q.count())))).toList()));
        item.put("unanswered", n(r.unansweredQuestions()));
        item.put("unansweredSamples", AttributeValue.fromL(r.unansweredSamples().stream().map(AttributeValue::fromS).toList()));
        item.put("lowConfidence", n(r.lowConfidenceQuestions()));
        item.put("lowConfidenceSamples", AttributeValue.fromL(r.lowConfidenceSamples().stream().map(AttributeValue::fromS).toList()));
        Map<String, AttributeValue> usage = new HashMap<>();
        r.usageByProvider().forEach((provider, u) -> usage.put(provider, AttributeValue.fromM(Map.of(
                "replies", n(u.replies()), "promptTokens", n(u.promptTokens()),
                "completionTokens", n(u.completionTokens()), "costUsd", AttributeValue.fromN(Double.toString(u.costUsd()))))));
        item.put("usage", AttributeValue.fromM(usage));
        item.put("p95ReplyMillis", n(r.p95ReplyMillis()));
        item.put("timedReplies", n(r.timedReplies()));
        item.put("truncated", AttributeValue.fromBool(r.truncated()));
        item.put("computedAt", n(r.computedAt() == null ? 0 : r.computedAt().toEpochMilli()));
        return item;
    }

    static DailyRollup fromItem(Map<String, AttributeValue> item) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        item.getOrDefault("handoffReasons", AttributeValue.fromM(Map.of())).m()
                .forEach((reason, count) -> reasons.put(reason, Integer.parseInt(count.n())));
        List<DailyRollup.QuestionCount> questions = item.getOrDefault("topQuestions", AttributeValue.fromL(List.of())).l()
                .stream().map(q -> new DailyRollup.QuestionCount(q.m().get("q").s(), Integer.parseInt(q.m().get("n").n())))
                .toList();
        Map<String, DailyRollup.ProviderUsage> usage = new LinkedHashMap<>();
        item.getOrDefault("usage", AttributeValue.fromM(Map.of())).m().forEach((provider, u) -> usage.put(provider,
                new DailyRollup.ProviderUsage(Integer.parseInt(u.m().get("replies").n()),
                        Long.parseLong(u.m().get("promptTokens").n()), Long.parseLong(u.m().get("completionTokens").n()),
                        Double.parseDouble(u.m().get("costUsd").n()))));
        return new DailyRollup(item.get("tenantId").s(), LocalDate.parse(item.get("day").s()), item.get("timezone").s(),
                i(item, "messagesIn"), i(item, "messagesOut"), i(item, "conversations"), i(item, "handoffs"), reasons,
                i(item, "leads"), i(item, "bookingRequests"), questions, i(item, "unanswered"), strings(item, "unansweredSamples"),
                i(item, "lowConfidence"), strings(item, "lowConfidenceSamples"), usage,
                Long.parseLong(item.get("p95ReplyMillis").n()), i(item, "timedReplies"),
                item.containsKey("truncated") && Boolean.TRUE.equals(item.get("truncated").bool()),
                Instant.ofEpochMilli(Long.parseLong(item.get("computedAt").n())));
    }

    private static int i(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
