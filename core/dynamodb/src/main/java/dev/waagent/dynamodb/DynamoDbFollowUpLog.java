package dev.waagent.dynamodb;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.analytics.FollowUpLog;
import dev.waagent.domain.tools.FollowUpRequest;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A tenant's leads and booking requests by creation time, on the sparse GSI {@code due-index}: the request items
 * ({@link DynamoDbTurnMemory#record}) carry {@code dueBucket = T#<tenant>#LEADS#<UTC day>} and {@code dueAt} =
 * creation time.
 * <p>
 * Access pattern: {@code Query due-index: dueBucket = T#<tenant>#LEADS#<d> AND dueAt BETWEEN from AND to - 1},
 * projecting only the kind and the expiry, for each UTC day the range touches (a tenant-local day touches one or
 * two); the reads are proportional to the day's requests, never to the table.
 */
@Singleton
public class DynamoDbFollowUpLog implements FollowUpLog {

    private final DynamoDbClient client;
    private final String table;
    private final TimeSource time;

    public DynamoDbFollowUpLog(DynamoDbClient client, DynamoDbSettings settings, TimeSource time) {
        this.client = client;
        this.table = settings.getConversationsTable();
        this.time = time;
    }

    @Override
    public FollowUpCount count(String tenantId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return FollowUpCount.NONE;
        }
        long nowSeconds = time.now().getEpochSecond();
        int leads = 0;
        int bookings = 0;
        double units = 0;
        LocalDate lastDay = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(lastDay); day = day.plusDays(1)) {
            long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
            QueryRequest query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(Keys.DUE_INDEX)
                    .keyConditionExpression("#bucket = :bucket AND #at BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#bucket", Keys.DUE_BUCKET, "#at", Keys.DUE_AT,
                            "#kind", "requestKind", "#expires", "expiresAt"))
                    .expressionAttributeValues(Map.of(
                            ":bucket", AttributeValue.fromS(Keys.followUpDay(tenantId, day)),
                            ":from", AttributeValue.fromN(Long.toString(Math.max(from.toEpochMilli(), dayStart))),
                            ":to", AttributeValue.fromN(Long.toString(Math.min(to.toEpochMilli() - 1, dayEnd)))))
                    .projectionExpression("#kind, #expires")
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .build();
            for (QueryResponse page : client.queryPaginator(query)) {
                if (page.consumedCapacity() != null && page.consumedCapacity().capacityUnits() != null) {
                    units += page.consumedCapacity().capacityUnits();
                }
                for (Map<String, AttributeValue> item : page.items()) {
                    // TTL deletes lazily: an expired request may still be returned.
                    AttributeValue expires = item.get("expiresAt");
                    if (expires != null && Long.parseLong(expires.n()) <= nowSeconds) {
                        continue;
                    }
                    AttributeValue kind = item.get("requestKind");
                    if (kind != null && FollowUpRequest.Kind.BOOKING.name().equals(kind.s())) {
                        bookings++;
                    } else {
                        leads++;
                    }
                }
            }
        }
        return new FollowUpCount(leads, bookings, units);
    }
}
